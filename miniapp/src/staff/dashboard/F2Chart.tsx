import { useEffect, useRef } from 'react'
import Taro from '@tarojs/taro'
import { Canvas as TaroCanvas, View } from '@tarojs/components'
import { Canvas } from '@antv/f2'

/**
 * One @antv/f2 chart on a canvas, in H5 (a DOM canvas) and in the
 * mini-program (a `type="2d"` canvas node found by its id). `chart` is the
 * F2 element tree (`jsx(Chart, …)`); it is drawn without animation at the
 * container's width and `height`, and drawn again when `chart` changes.
 * `label` is what a screen reader hears (the chart's title and figures).
 */
export function F2Chart({ id, chart, height, label }: { id: string; chart: unknown; height: number; label: string }) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null)
  const drawn = useRef<Canvas | null>(null)

  useEffect(() => {
    let cancelled = false
    const draw = (context: CanvasRenderingContext2D, width: number, pixelRatio: number, node?: { requestAnimationFrame?: (cb: () => void) => number }) => {
      if (cancelled) return
      drawn.current?.destroy()
      const canvas = new Canvas({
        context, width, height, pixelRatio, animate: false, children: chart,
        ...(node?.requestAnimationFrame ? { requestAnimationFrame: node.requestAnimationFrame.bind(node) } : {}),
      })
      drawn.current = canvas
      void canvas.render()
    }
    if (process.env.TARO_ENV === 'h5') {
      const el = canvasRef.current
      if (!el) return
      const width = el.parentElement?.clientWidth ?? 320
      const pixelRatio = window.devicePixelRatio || 1
      el.width = width * pixelRatio
      el.height = height * pixelRatio
      el.style.width = `${width}px`
      el.style.height = `${height}px`
      const context = el.getContext('2d')
      if (context) draw(context, width, pixelRatio)
    } else {
      Taro.createSelectorQuery().select(`#${id}`).fields({ node: true, size: true }).exec((res: { node?: HTMLCanvasElement & { requestAnimationFrame?: (cb: () => void) => number }; width?: number }[]) => {
        const found = res?.[0]
        if (!found?.node) return
        const pixelRatio = Taro.getWindowInfo().pixelRatio || 2
        const width = found.width ?? 320
        found.node.width = width * pixelRatio
        found.node.height = height * pixelRatio
        const context = found.node.getContext('2d')
        if (context) draw(context, width, pixelRatio, found.node)
      })
    }
    return () => {
      cancelled = true
    }
  }, [id, chart, height])

  useEffect(() => () => drawn.current?.destroy(), [])

  return (
    <View className='dashboard-chart' style={{ height: `${height}px` }} aria-label={label} role='img'>
      {process.env.TARO_ENV === 'h5'
        ? <canvas id={id} ref={canvasRef} className='dashboard-chart__canvas' />
        : <TaroCanvas type='2d' id={id} className='dashboard-chart__canvas' style={{ width: '100%', height: `${height}px` }} />}
    </View>
  )
}
