/** A multipart form as the upload use case reads it: parts in the order the client sent them. */
export interface FormField {
  kind: "field";
  name: string;
  value: string;
}

export interface FormFile {
  kind: "file";
  name: string;
  fileName: string | undefined;
  contentType: string;
  /** Read it (or cancel it) before asking for the next part. */
  body: ReadableStream<Uint8Array>;
}

export type FormPart = FormField | FormFile;

export interface FormParts {
  /** The next part, or null after the closing boundary. */
  next(): Promise<FormPart | null>;
  /** Stops reading the request. */
  cancel(): Promise<void>;
}
