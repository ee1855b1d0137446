import { render, screen, waitFor } from '@testing-library/react'
import { stubFetch } from '../../../test/components/fetch-stub'
import { forgetFileUrls } from '@/services/files'
import { CloudImage } from '.'

const id = (name: string) => `cloud://local.6c6f-local-1300000000/users/m1/2026-11/${name}`
const answerTempUrls = (req: { body: { fileList: string[] } }) => ({
  fileList: req.body.fileList.map((fileID) =>
    fileID.includes('gone')
      ? { fileID, tempFileURL: '', maxAge: 7200, status: 1 }
      : { fileID, tempFileURL: `http://127.0.0.1:9/files/${fileID.split('/').pop()}`, maxAge: 7200, status: 0 }
  )
})

beforeEach(forgetFileUrls)

describe('CloudImage on h5', () => {
  it('shows cloud files through temporary URLs, asked for in one request, then cached', async () => {
    const calls = stubFetch(answerTempUrls)
    const pictures = (
      <>
        <CloudImage src={id('a.jpg')} label="大米" />
        <CloudImage src={id('b.jpg')} label="香油" />
        <CloudImage src={id('a.jpg')} label="大米" />
      </>
    )
    const { unmount } = render(pictures)
    expect(screen.getAllByLabelText('大米')[0].tagName).toBe('DIV') // grey tile while resolving
    await waitFor(() => expect(screen.getAllByLabelText('大米')[0].getAttribute('src')).toBe('http://127.0.0.1:9/files/a.jpg'))
    expect(screen.getByLabelText('香油').getAttribute('src')).toBe('http://127.0.0.1:9/files/b.jpg')
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ url: '/api/storage/temp-urls', method: 'POST', body: { fileList: [id('a.jpg'), id('b.jpg')] } })
    unmount()

    render(pictures)
    expect(screen.getAllByLabelText('大米')[0].getAttribute('src')).toBe('http://127.0.0.1:9/files/a.jpg') // no flicker
    expect(calls).toHaveLength(1)
  })

  it('asks in batches of 50 at most', async () => {
    const calls = stubFetch(answerTempUrls)
    render(
      <>
        {Array.from({ length: 120 }, (_, i) => (
          <CloudImage key={i} src={id(`p${i}.jpg`)} label={`p${i}`} />
        ))}
      </>
    )
    await waitFor(() => expect(screen.getByLabelText('p119').getAttribute('src')).toBe('http://127.0.0.1:9/files/p119.jpg'))
    expect(calls.map((c) => c.body.fileList.length)).toEqual([50, 50, 20])
  })

  it('keeps a grey tile for a missing file and passes other URLs through untouched', async () => {
    const calls = stubFetch(answerTempUrls)
    render(
      <>
        <CloudImage src={id('gone.jpg')} label="旧照片" />
        <CloudImage src="https://example.org/x.png" label="外链" />
      </>
    )
    expect(screen.getByLabelText('外链').getAttribute('src')).toBe('https://example.org/x.png')
    await waitFor(() => expect(calls).toHaveLength(1))
    await waitFor(() => expect(screen.getByLabelText('旧照片').className).toMatch(/llt-cloud-image--missing/))
    expect(calls[0].body.fileList).toEqual([id('gone.jpg')])
  })
})
