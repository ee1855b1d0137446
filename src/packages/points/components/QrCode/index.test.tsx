import { render, screen } from '@testing-library/react'
import { QrCode, qrDataUrl } from '.'

describe('QrCode', () => {
  it('draws the text as a GIF data URL and spaces the digits in threes', () => {
    render(<QrCode text="LLT-PICKUP:o1_r1.012345" digits="012345" label="取货二维码" />)
    const img = screen.getByLabelText('取货二维码') as HTMLImageElement
    expect(img.getAttribute('src')).toMatch(/^data:image\/gif;base64,/)
    expect(screen.getByText('012 345')).toBeTruthy()
  })

  it('gives different pictures for different texts and the same for the same', () => {
    expect(qrDataUrl('LLT-CHECKIN:a1.1.x')).toBe(qrDataUrl('LLT-CHECKIN:a1.1.x'))
    expect(qrDataUrl('LLT-CHECKIN:a1.1.x')).not.toBe(qrDataUrl('LLT-CHECKIN:a1.2.x'))
  })
})
