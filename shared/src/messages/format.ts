export type MessageParams = Readonly<Record<string, string | number>>

/** Fills `{name}` placeholders; a placeholder without a value stays visible, so a gap is noticed. */
export function fillTemplate(template: string, params?: MessageParams): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key]
    return value === undefined ? whole : String(value)
  })
}
