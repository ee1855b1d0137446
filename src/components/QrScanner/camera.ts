// The camera scan outside h5: WeChat's own scanner (Taro.scanCode) is used there, so there is no
// in-page camera. The h5 build resolves ./camera to camera.h5.ts (Taro's per-platform files).
import { CameraProblem, type StartCameraScan } from './problem'

export const startCameraScan: StartCameraScan = (_host, codeName) =>
  Promise.reject(new CameraProblem(`当前环境不支持网页摄像头扫码，请输入${codeName}`))
