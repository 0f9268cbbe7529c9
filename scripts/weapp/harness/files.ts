/**
 * The mini-program's temporary files, kept in memory (never on disk: they may
 * be photos of medical receipts): what `chooseMedia`/`chooseImage` answer with,
 * what `compressImage` and `downloadFile` write, and what the file system
 * manager reads back. Paths look like a phone's (`wxfile://tmp_…`).
 */
export class TempFiles {
  private readonly files = new Map<string, Buffer>()
  private sequence = 0

  /** Stores bytes as a new temporary file; returns its path. */
  put(bytes: Uint8Array, extension = 'jpg'): string {
    const path = `wxfile://tmp_${String(++this.sequence).padStart(4, '0')}.${extension.replace(/^\./, '')}`
    this.files.set(path, Buffer.from(bytes))
    return path
  }

  get(path: string): Buffer | undefined {
    return this.files.get(path)
  }

  has(path: string): boolean {
    return this.files.has(path)
  }

  /** The extension of a temporary file (`jpg` of `wxfile://tmp_0001.jpg`). */
  static extensionOf(path: string): string {
    return /\.(\w+)$/.exec(path)?.[1] ?? 'bin'
  }
}

/** Options as the app hands them to `readFile` and the other callback APIs. */
interface Callbacks {
  success?: (result: unknown) => void
  fail?: (result: unknown) => void
  complete?: (result: unknown) => void
}

export interface FileSystemHost {
  files: TempFiles
  /** Bytes → an ArrayBuffer of the app's realm. */
  arrayBuffer(bytes: Uint8Array): ArrayBuffer
  /** Answers a callback API later, as WeChat does: `success` or `fail`, then `complete`, with `errMsg`. */
  answer(api: string, options: Callbacks, result?: Record<string, unknown>, failure?: string): void
}

/** `wx.getFileSystemManager()`: reading the temporary files (as an ArrayBuffer, or as text with an encoding). */
export function fileSystemManager({ files, arrayBuffer, answer }: FileSystemHost): Record<string, (...args: never[]) => unknown> {
  const read = (path: string, encoding?: string): ArrayBuffer | string => {
    const bytes = files.get(path)
    if (!bytes) throw new Error(`no such file or directory, open ${path}`)
    return encoding ? bytes.toString(encoding as BufferEncoding) : arrayBuffer(bytes)
  }
  return {
    readFile: (options: Callbacks & { filePath: string; encoding?: string }) => {
      try {
        answer('readFile', options, { data: read(options.filePath, options.encoding) })
      } catch (error) {
        answer('readFile', options, {}, (error as Error).message)
      }
    },
    readFileSync: (path: string, encoding?: string) => read(path, encoding),
    getFileInfo: (options: Callbacks & { filePath: string }) => {
      const bytes = files.get(options.filePath)
      answer('getFileInfo', options, bytes ? { size: bytes.length } : {}, bytes ? undefined : `no such file or directory ${options.filePath}`)
    },
    access: (options: Callbacks & { path: string }) => {
      answer('access', options, {}, files.has(options.path) ? undefined : `no such file or directory ${options.path}`)
    },
  }
}
