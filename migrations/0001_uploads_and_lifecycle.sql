CREATE TABLE `storage_deletions` (
	`storage_key` text PRIMARY KEY NOT NULL,
	`upload_id` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`next_attempt_at` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `storage_deletions_next_attempt_idx` ON `storage_deletions` (`next_attempt_at`);--> statement-breakpoint
DROP INDEX `assets_workspace_id_idx`;--> statement-breakpoint
DROP INDEX `assets_workspace_type_idx`;--> statement-breakpoint
DROP INDEX `assets_workspace_provider_idx`;--> statement-breakpoint
DROP INDEX `assets_workspace_execution_idx`;--> statement-breakpoint
DROP INDEX `assets_workspace_agent_idx`;--> statement-breakpoint
ALTER TABLE `assets` ADD `status` text DEFAULT 'ready' NOT NULL;--> statement-breakpoint
ALTER TABLE `assets` ADD `expires_at` text;--> statement-breakpoint
ALTER TABLE `assets` ADD `upload_id` text;--> statement-breakpoint
ALTER TABLE `assets` ADD `part_size` integer;--> statement-breakpoint
CREATE INDEX `assets_expires_at_idx` ON `assets` (`expires_at`) WHERE "assets"."expires_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `assets_pending_created_idx` ON `assets` (`created_at`) WHERE "assets"."status" = 'pending';--> statement-breakpoint
CREATE INDEX `assets_workspace_id_idx` ON `assets` (`workspace_id`,`status`,`id`,`expires_at`);--> statement-breakpoint
CREATE INDEX `assets_workspace_type_idx` ON `assets` (`workspace_id`,`status`,`type`,`id`,`expires_at`);--> statement-breakpoint
CREATE INDEX `assets_workspace_provider_idx` ON `assets` (`workspace_id`,`status`,`provider`,`id`,`expires_at`);--> statement-breakpoint
CREATE INDEX `assets_workspace_execution_idx` ON `assets` (`workspace_id`,`status`,`execution_id`,`id`,`expires_at`);--> statement-breakpoint
CREATE INDEX `assets_workspace_agent_idx` ON `assets` (`workspace_id`,`status`,`agent_id`,`id`,`expires_at`);