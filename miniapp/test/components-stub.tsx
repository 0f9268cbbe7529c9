/**
 * Plain React stand-ins for `@tarojs/components` under jest (moduleNameMapper):
 * enough DOM for Testing Library. Only props that mean something in a browser
 * are passed on, so Taro-only props (hoverClass, formType…) cause no warnings.
 */
import { createElement, forwardRef, type CSSProperties, type ReactNode } from 'react'

interface Props {
  id?: string
  className?: string
  style?: CSSProperties | string
  children?: ReactNode
  onClick?: (event: unknown) => void
  [prop: string]: unknown
}

function domProps({ id, className, style, onClick, ...rest }: Props): Record<string, unknown> {
  const passed: Record<string, unknown> = { id, className, onClick }
  if (typeof style === 'object') passed.style = style
  for (const [key, value] of Object.entries(rest)) {
    if (key.startsWith('data-') || key.startsWith('aria-') || key === 'role') passed[key] = value
  }
  return passed
}

function element(tag: string, displayName: string) {
  const Component = forwardRef<HTMLElement, Props>((props, ref) => createElement(tag, { ...domProps(props), ref }, props.children as ReactNode))
  Component.displayName = displayName
  return Component
}

export const View = element('div', 'View')
export const Text = element('span', 'Text')
export const Label = element('label', 'Label')
export const ScrollView = element('div', 'ScrollView')
export const Form = element('form', 'Form')

export const Button = forwardRef<HTMLButtonElement, Props>((props, ref) =>
  createElement('button', { ...domProps(props), ref, type: 'button', disabled: props.disabled === true }, props.children as ReactNode),
)
Button.displayName = 'Button'

export const Image = forwardRef<HTMLImageElement, Props>((props, ref) =>
  createElement('img', { ...domProps(props), ref, src: props.src, alt: '' }),
)
Image.displayName = 'Image'

/** Taro's inputs report `{detail: {value}}`; so do these. */
function inputLike(tag: 'input' | 'textarea', displayName: string) {
  const Component = forwardRef<HTMLInputElement & HTMLTextAreaElement, Props>((props, ref) => {
    const onInput = props.onInput as ((event: { detail: { value: string } }) => void) | undefined
    return createElement(tag, {
      ...domProps(props),
      ref,
      value: props.value ?? '',
      placeholder: props.placeholder,
      disabled: props.disabled === true,
      maxLength: props.maxlength,
      type: tag === 'input' ? (props.password === true ? 'password' : 'text') : undefined,
      onChange: (event: { target: { value: string } }) => onInput?.({ detail: { value: event.target.value } }),
    })
  })
  Component.displayName = displayName
  return Component
}
export const Input = inputLike('input', 'Input')
export const Textarea = inputLike('textarea', 'Textarea')

export const Checkbox = forwardRef<HTMLInputElement, Props>((props, ref) =>
  createElement('input', { ...domProps(props), ref, type: 'checkbox', checked: props.checked === true, readOnly: true }),
)
Checkbox.displayName = 'Checkbox'

/** The mini-program's picker: under jest, just its children (H5 screens use the browser's inputs). */
export const Picker = (props: Props) => createElement('div', domProps(props), props.children as ReactNode)
