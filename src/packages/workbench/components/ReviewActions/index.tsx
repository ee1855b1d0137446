// The approve / reject pair under an item waiting for a staff decision, with an optional text field for the
// reason (a merchant application, a points adjustment, a correction of one's own hours).
import { Input, View } from '@tarojs/components'
import { BigButton } from '@/components/BigButton'

export interface ReviewActionsProps {
  running: boolean
  onDecide: (approve: boolean) => void
  approveLabel?: string
  /** With a placeholder, a text field for the reason is shown. */
  reason?: { value: string; placeholder: string; onChange: (value: string) => void }
}

export function ReviewActions({ running, onDecide, approveLabel = '通过', reason }: ReviewActionsProps) {
  return (
    <View className="llt-actions">
      {reason && (
        <Input
          className="llt-input llt-input--round"
          value={reason.value}
          placeholder={reason.placeholder}
          maxlength={100}
          onInput={(e) => reason.onChange(e.detail.value)}
        />
      )}
      <BigButton block loading={running} onClick={() => onDecide(true)}>
        {approveLabel}
      </BigButton>
      <BigButton block fill="outline" loading={running} onClick={() => onDecide(false)}>
        驳回
      </BigButton>
    </View>
  )
}
