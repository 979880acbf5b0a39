export interface LocalS3Options {
  port: number;
  directory: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  silent?: boolean;
}

export interface LocalS3 {
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

export function startLocalS3(options: LocalS3Options): Promise<LocalS3>;
