/** A path taken as written: Vertex AI routes end in `:predict`, which Fastify would read as a parameter. */
export function literalPath(path: string): string {
  return path.replaceAll(':', '::')
}
