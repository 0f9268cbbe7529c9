/** Full-width digits, letters and punctuation (as a Chinese keyboard types them) to ASCII; ideographic space to space. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}
