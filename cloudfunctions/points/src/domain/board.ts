// The community points board (积分榜): ranked by points ever earned; a name only for those who opted in.
export interface BoardAccount {
  openid: string
  earned: number
}

export interface BoardPerson {
  realName: string
  boardOptIn: boolean
}

export interface Row {
  rank: number
  name: string | null
  points: number
  me: boolean
}

/** Accounts arrive sorted by earned, highest first; equal points share a rank (1, 2, 2, 4). */
export function boardRows(accounts: BoardAccount[], people: Map<string, BoardPerson>, me: string): Row[] {
  let rank = 0
  return accounts.map((a, i) => {
    if (i === 0 || a.earned !== accounts[i - 1].earned) rank = i + 1
    const person = people.get(a.openid)
    return { rank, name: person?.boardOptIn ? person.realName : null, points: a.earned, me: a.openid === me }
  })
}
