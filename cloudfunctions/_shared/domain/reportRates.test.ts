import { countsOf, ratesOf } from './reportRates'
import { DECEMBER, NOVEMBER, OCTOBER, RATE_FIXTURE } from './reportRates.fixture'

const facts = Object.values(RATE_FIXTURE)

describe('report rates on the hand-computed fixture', () => {
  test('November, worked out by hand', () => {
    // assigned and decided in November: A B C D E H J K L M N O (F, G are October's; I's window is still open) = 12
    // signed in time: A C D E H K L M N = 9 (B and O late, J never)
    // closed in November: A B C D G K L = 7; on time: A C D K = 4 (B, G, L were overdue first)
    // open and overdue on 1 December 00:00: E, F, and N (closed only on 2 December) = 3
    // asked (closed after a resolution): A B C D K = 5; answered: A B C K = 4 (D closed automatically); solved: A B C = 3
    // rated: A B C = 3 (K answered without a rating, D never answered); 满意 + 基本满意: A B = 2
    const counts = countsOf(facts, NOVEMBER)
    expect(counts).toEqual({
      assigned: 12,
      signedOnTime: 9,
      closed: 7,
      closedOnTime: 4,
      openOverdue: 3,
      asked: 5,
      answered: 4,
      solved: 3,
      rated: 3,
      satisfied: 2
    })
    expect(ratesOf(counts)).toEqual({
      response: { rate: 0.75, hits: 9, n: 12, answerShare: null },
      onTime: { rate: 0.4, hits: 4, n: 10, answerShare: null },
      solved: { rate: 0.75, hits: 3, n: 4, answerShare: 0.8 },
      satisfaction: { rate: 0.6667, hits: 2, n: 3, answerShare: 0.6 }
    })
  })

  test('October: nothing closed, two open and overdue at its end — 0%, not 100%', () => {
    const counts = countsOf(facts, OCTOBER)
    expect(counts).toMatchObject({ assigned: 2, signedOnTime: 2, closed: 0, openOverdue: 2 })
    expect(ratesOf(counts).onTime).toEqual({ rate: 0, hits: 0, n: 2, answerShare: null })
    expect(ratesOf(counts).satisfaction).toEqual({ rate: null, hits: 0, n: 0, answerShare: null })
  })

  test('December: N closed late; E and F are still open and overdue; I is still undecided', () => {
    const counts = countsOf(facts, DECEMBER)
    expect(counts).toMatchObject({ assigned: 0, closed: 1, closedOnTime: 0, openOverdue: 2, asked: 1, answered: 1, rated: 1 })
  })

  test('a rating never comes without the reporter answering; an automatic close is neither', () => {
    const auto = countsOf([RATE_FIXTURE.D], NOVEMBER)
    expect(auto).toMatchObject({ closed: 1, closedOnTime: 1, asked: 1, answered: 0, rated: 0, satisfied: 0 })
    expect(ratesOf(auto).satisfaction).toEqual({ rate: null, hits: 0, n: 0, answerShare: 0 })
  })
})
