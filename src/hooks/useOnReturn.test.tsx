import { render } from '@testing-library/react'
import { taroTest } from '../../test/components/taro'
import { useOnReturn } from './useOnReturn'

function Probe({ onReturn }: { onReturn: () => void }) {
  useOnReturn(onReturn)
  return null
}

test('runs when the page shows again after it was hidden, never on a show without a hide', () => {
  const calls: string[] = []
  render(<Probe onReturn={() => calls.push('back')} />)
  // Mounted after its page first showed (a cold start that waited for sign-in): no hide came before.
  taroTest.fire('didShow')
  expect(calls).toEqual([])
  taroTest.fire('didHide')
  taroTest.fire('didShow')
  expect(calls).toEqual(['back'])
  taroTest.fire('didShow')
  expect(calls).toEqual(['back'])
})
