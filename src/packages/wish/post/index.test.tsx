import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { callsOf, makeMe, ok, stubFetch } from '../../../../test/components/fetch-stub'
import { taroTest } from '../../../../test/components/taro'
import { resetSession } from '@/services/session'
import { MeProvider } from '@/hooks/useMe'
import WishPostPage, { CONSENT_TEXT } from './index'

function renderForm(roles = makeMe().roles) {
  render(
    <MeProvider initialMe={makeMe({ realName: '王秀英', needsConsent: false, roles })}>
      <WishPostPage />
    </MeProvider>
  )
}

const type = (placeholder: string, value: string) => fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } })

function fillIn() {
  fireEvent.click(screen.getByText('物资'))
  type('如：想要一盏护眼台灯', '想要一台收音机')
  type('写下您的心愿故事', '想听听戏解闷。')
  type('0', '80')
  fireEvent.click(screen.getByText(CONSENT_TEXT))
}

beforeEach(() => resetSession())

describe('post form', () => {
  it('asks for a category and the consent before calling the server', async () => {
    const calls = stubFetch(() => ok({}))
    renderForm()
    fireEvent.click(screen.getByText('提交心愿'))
    expect(await screen.findByText('请选择心愿类别')).toBeTruthy()
    expect(screen.getByText('请阅读并同意心愿发布须知')).toBeTruthy()
    expect(callsOf(calls, 'wish', 'submit')).toHaveLength(0)
  })

  it('flags an empty title and story on the first submit, under the fields, with no toast (defect 12)', async () => {
    const calls = stubFetch(() => ok({}))
    const scrolled: Element[] = []
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this)
    }
    renderForm()
    const toasts = taroTest.toasts.length
    fireEvent.click(screen.getByText('提交心愿'))
    expect(await screen.findByText('请填写心愿标题')).toBeTruthy()
    expect(screen.getByText('请填写心愿描述')).toBeTruthy()
    expect(screen.getByText('请选择心愿类别').closest('.llt-field')?.textContent).toContain('类别')
    expect(taroTest.toasts.slice(toasts)).toEqual([])
    await waitFor(() => expect(scrolled[0]?.textContent).toContain('请选择心愿类别'))
    expect(callsOf(calls, 'wish', 'submit')).toHaveLength(0)
  })

  it('inserts a common wish into the title with one tap', () => {
    stubFetch(() => ok({}))
    renderForm()
    fireEvent.click(screen.getByText('想学用智能手机'))
    expect((screen.getByPlaceholderText('如：想要一盏护眼台灯') as HTMLInputElement).value).toBe('想学用智能手机')
  })

  it('shows the server’s refusal next to the field and retries with the same request id', async () => {
    let attempt = 0
    const calls = stubFetch((req) => {
      if (req.body?.action !== 'submit') return ok({})
      attempt++
      return attempt === 1
        ? {
            ok: false,
            error: {
              code: 'INVALID_ARGUMENT',
              message: '预估价值不能超过200元',
              details: { fields: [{ path: 'value', message: '预估价值不能超过200元' }] }
            }
          }
        : ok({ id: 'w9', status: 'submitted' })
    })
    renderForm()
    fillIn()
    fireEvent.click(screen.getByText('提交心愿'))
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', '预估价值不能超过200元')
    fireEvent.click(screen.getByText('提交心愿'))
    await waitFor(() => expect(taroTest.navigations).toEqual([{ kind: 'redirectTo', url: '/packages/wish/detail/index?id=w9' }]))
    const [first, second] = callsOf(calls, 'wish', 'submit').map((c) => c.body.data)
    expect(first.requestId).toBe(second.requestId)
    expect(second).toMatchObject({
      category: 'goods',
      title: '想要一台收音机',
      value: 80,
      proxy: false,
      consent: true,
      beneficiary: { name: '王秀英', isChild: false }
    })
  })

  it('offers staff the 代录 of a child’s wish with the guardian’s consent', async () => {
    const calls = stubFetch(() => ok({ id: 'w10', status: 'submitted' }))
    renderForm([{ role: 'staff', communityId: 'cm01' }])
    fireEvent.click(screen.getByText(/为社区里需要帮助的居民代录心愿/))
    fireEvent.click(screen.getByText('受助人是14岁以下儿童'))
    expect(screen.getByText('孩子的信息（不公开）')).toBeTruthy()
    expect(screen.getByText(/孩子的照片只给认领人和社区工作人员看/)).toBeTruthy()
    fillIn()
    fireEvent.click(screen.getByText('提交心愿'))
    expect(await screen.findByText('须取得监护人同意')).toBeTruthy()
    expect(callsOf(calls, 'wish', 'submit')).toHaveLength(0)
  })

  it('starts a 代录 with an empty, required beneficiary name, never the staff member’s own', async () => {
    const calls = stubFetch(() => ok({ id: 'w11', status: 'submitted' }))
    renderForm([{ role: 'staff', communityId: 'cm01' }])
    const name = () => screen.getByPlaceholderText('受助人真实姓名') as HTMLInputElement
    expect(name().value).toBe('王秀英')
    fireEvent.click(screen.getByText(/为社区里需要帮助的居民代录心愿/))
    expect(name().value).toBe('')
    fillIn()
    fireEvent.click(screen.getByText('提交心愿'))
    expect(await screen.findByText('请填写受助人姓名')).toBeTruthy()
    expect(callsOf(calls, 'wish', 'submit')).toHaveLength(0)
  })

  it('records a vulnerable beneficiary of a 代录, delivered through the community', async () => {
    const calls = stubFetch(() => ok({ id: 'w12', status: 'submitted' }))
    renderForm([{ role: 'staff', communityId: 'cm01' }])
    fireEvent.click(screen.getByText(/为社区里需要帮助的居民代录心愿/))
    fireEvent.click(screen.getByText(/受助人困难\/需特别保护/))
    fillIn()
    type('受助人真实姓名', '赵桂芳')
    fireEvent.click(screen.getByText('提交心愿'))
    await waitFor(() => expect(callsOf(calls, 'wish', 'submit')).toHaveLength(1))
    expect(callsOf(calls, 'wish', 'submit')[0].body.data).toMatchObject({
      proxy: true,
      communityId: 'cm01',
      delivery: 'handover',
      beneficiary: { name: '赵桂芳', isChild: false, vulnerable: true }
    })
  })
})
