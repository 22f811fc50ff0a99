/**
 * The two steps of a file import (the CSV and Excel import, the DUO update of a board's schools):
 * check the chosen file (a dry run that shows what would change), then write it, all rows or only
 * the valid ones, or start over. Focus follows: to the preview's heading, to the outcome, back to
 * the file field.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';

interface Options<F, R> {
  /** Sends the file: as a dry run (the preview), or to write it. */
  send: (file: F, options: { dryRun: boolean; validOnly?: boolean }) => Promise<R>;
  /** Forgets the last request's error (the mutation's `reset`). */
  forget: () => void;
  /** The message when no file was chosen. */
  fileRequired: string;
  /** False while something else the request needs is missing (a board, say). */
  ready?: boolean;
}

export function usePreviewWrite<F, R>({ send, forget, fileRequired, ready = true }: Options<F, R>) {
  const [file, setFile] = useState<F | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [preview, setPreview] = useState<R | null>(null);
  const [written, setWritten] = useState<R | null>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (preview) previewHeading.current?.focus();
  }, [preview]);
  useEffect(() => {
    if (written) doneRef.current?.focus();
  }, [written]);

  /** Forgets the preview, the outcome and the last error (a new file or a new choice). */
  function reset() {
    setPreview(null);
    setWritten(null);
    forget();
  }

  /** The dry run of the chosen file; its errors are the mutation's, shown by the page. */
  async function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    if (!file) {
      setFileError(fileRequired);
      fileInput.current?.focus();
      return;
    }
    if (!ready) return;
    try {
      setPreview(await send(file, { dryRun: true }));
    } catch {
      /* shown by the alert */
    }
  }

  /** Writes the checked file: every row, or only the valid ones. */
  async function write(validOnly: boolean) {
    if (!file || !ready) return;
    try {
      setWritten(await send(file, { dryRun: false, validOnly }));
      setPreview(null);
    } catch {
      /* shown by the alert */
    }
  }

  /** Back to choosing a file. */
  function startOver() {
    reset();
    setFile(null);
    if (fileInput.current) fileInput.current.value = '';
    fileInput.current?.focus();
  }

  return { file, setFile, fileError, setFileError, preview, written, previewHeading, doneRef, fileInput, reset, check, write, startOver };
}
