/** Storage settings shared by the test Worker bindings and the local S3 server. */
export const TEST_STORAGE = {
  STORAGE_REGION: "us-east-1",
  STORAGE_BUCKET: "test-assets",
  STORAGE_ACCESS_KEY_ID: "test-access-key",
  STORAGE_SECRET_KEY: "test-secret-key",
  STORAGE_PUBLIC_URL: "https://cdn.example.com/media",
  STORAGE_FORCE_PATH_STYLE: "true",
} as const;
