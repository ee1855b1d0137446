// Build target checks. `process.env.TARO_ENV` is replaced at build time, so each build keeps one branch.
export const isH5 = (): boolean => process.env.TARO_ENV === 'h5'
export const isWeapp = (): boolean => process.env.TARO_ENV === 'weapp'
