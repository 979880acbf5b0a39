CREATE TABLE `asset_hour_counts` (
	`workspace_id` text NOT NULL,
	`hour` text NOT NULL,
	`ready` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `hour`)
);
--> statement-breakpoint
DROP INDEX `assets_workspace_id_idx`;--> statement-breakpoint
DROP INDEX `assets_workspace_type_idx`;--> statement-breakpoint
DROP INDEX `assets_workspace_provider_idx`;--> statement-breakpoint
DROP INDEX `assets_workspace_execution_idx`;--> statement-breakpoint
DROP INDEX `assets_workspace_agent_idx`;--> statement-breakpoint
ALTER TABLE `assets` ADD `model` text;--> statement-breakpoint
ALTER TABLE `assets` ADD `prompt` text;--> statement-breakpoint
ALTER TABLE `assets` ADD `config` text;--> statement-breakpoint
ALTER TABLE `assets` ADD `updated_at` text;--> statement-breakpoint
ALTER TABLE `assets` ADD `created_by_id` text;--> statement-breakpoint
CREATE INDEX `assets_workspace_created_idx` ON `assets` (`workspace_id`,`status`,`created_at`,`id`,`expires_at`);--> statement-breakpoint
CREATE INDEX `assets_workspace_model_idx` ON `assets` (`workspace_id`,`status`,`model`,`created_at`,`id`,`expires_at`);--> statement-breakpoint
CREATE INDEX `assets_workspace_type_provider_idx` ON `assets` (`workspace_id`,`status`,`type`,`provider`,`created_at`,`id`,`expires_at`);--> statement-breakpoint
CREATE INDEX `assets_workspace_type_model_idx` ON `assets` (`workspace_id`,`status`,`type`,`model`,`created_at`,`id`,`expires_at`);--> statement-breakpoint
CREATE INDEX `assets_workspace_provider_model_idx` ON `assets` (`workspace_id`,`status`,`provider`,`model`,`created_at`,`id`,`expires_at`);--> statement-breakpoint
CREATE INDEX `assets_workspace_type_idx` ON `assets` (`workspace_id`,`status`,`type`,`created_at`,`id`,`expires_at`);--> statement-breakpoint
CREATE INDEX `assets_workspace_provider_idx` ON `assets` (`workspace_id`,`status`,`provider`,`created_at`,`id`,`expires_at`);--> statement-breakpoint
CREATE INDEX `assets_workspace_execution_idx` ON `assets` (`workspace_id`,`status`,`execution_id`,`created_at`,`id`,`expires_at`,`type`,`provider`,`model`,`agent_id`);--> statement-breakpoint
CREATE INDEX `assets_workspace_agent_idx` ON `assets` (`workspace_id`,`status`,`agent_id`,`created_at`,`id`,`expires_at`,`type`,`provider`,`model`);--> statement-breakpoint
-- Written by hand below this line (drizzle-kit does not model triggers or data).
-- Existing rows: updated_at starts as created_at.
UPDATE `assets` SET `updated_at` = `created_at` WHERE `updated_at` IS NULL;--> statement-breakpoint
INSERT INTO `asset_hour_counts` (`workspace_id`, `hour`, `ready`)
	SELECT `workspace_id`, substr(`created_at`, 1, 13), count(*) FROM `assets` WHERE `status` = 'ready' GROUP BY 1, 2;--> statement-breakpoint
-- The hourly counts of ready assets follow every insert, delete and status change, in the same statement.
CREATE TRIGGER `assets_hour_count_insert` AFTER INSERT ON `assets` WHEN NEW.`status` = 'ready' BEGIN
	INSERT INTO `asset_hour_counts` (`workspace_id`, `hour`, `ready`) VALUES (NEW.`workspace_id`, substr(NEW.`created_at`, 1, 13), 1)
		ON CONFLICT (`workspace_id`, `hour`) DO UPDATE SET `ready` = `ready` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `assets_hour_count_delete` AFTER DELETE ON `assets` WHEN OLD.`status` = 'ready' BEGIN
	UPDATE `asset_hour_counts` SET `ready` = `ready` - 1
		WHERE `workspace_id` = OLD.`workspace_id` AND `hour` = substr(OLD.`created_at`, 1, 13);
END;--> statement-breakpoint
CREATE TRIGGER `assets_hour_count_ready` AFTER UPDATE OF `status` ON `assets` WHEN OLD.`status` <> 'ready' AND NEW.`status` = 'ready' BEGIN
	INSERT INTO `asset_hour_counts` (`workspace_id`, `hour`, `ready`) VALUES (NEW.`workspace_id`, substr(NEW.`created_at`, 1, 13), 1)
		ON CONFLICT (`workspace_id`, `hour`) DO UPDATE SET `ready` = `ready` + 1;
END;
