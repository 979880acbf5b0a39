CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`key_hash` text NOT NULL,
	`key_prefix` text NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_key_hash_idx` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_workspace_idx` ON `api_keys` (`workspace_id`,`id`);--> statement-breakpoint
CREATE TABLE `assets` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`execution_id` text,
	`agent_id` text,
	`type` text NOT NULL,
	`provider` text,
	`file_name` text NOT NULL,
	`file_size` integer NOT NULL,
	`content_type` text NOT NULL,
	`storage_key` text NOT NULL,
	`metadata` text DEFAULT '{}' NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `assets_workspace_id_idx` ON `assets` (`workspace_id`,`id`);--> statement-breakpoint
CREATE INDEX `assets_workspace_type_idx` ON `assets` (`workspace_id`,`type`,`id`);--> statement-breakpoint
CREATE INDEX `assets_workspace_provider_idx` ON `assets` (`workspace_id`,`provider`,`id`);--> statement-breakpoint
CREATE INDEX `assets_workspace_execution_idx` ON `assets` (`workspace_id`,`execution_id`,`id`);--> statement-breakpoint
CREATE INDEX `assets_workspace_agent_idx` ON `assets` (`workspace_id`,`agent_id`,`id`);