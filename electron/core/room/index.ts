// The room core: state, intents, call state machine, window planning and page policy, shared by
// the Electron shell and the browser host.
export { RoomCore, type RoomCoreOptions, type SnapshotListener } from './roomCore';
export { CallMachine, CALL_TIMEOUTS, CALL_TRANSITIONS, InvalidTransitionError, type CallEvent, type CallStatus } from './callMachine';
export { createLoopbackSignallingPair, type CallSignal, type CallSignalling } from './callSignalling';
export { applyControlIntent, keyHelpRows, LAYOUTS, VOLUME_STEP, type Layout, type RoomControls } from './roomControls';
export { dispatchRequest, isRequestName, type DispatchResult } from './requestDispatch';
export { diffPlans, orderDisplays, planWindows, type DisplayInfo, type PlannedWindow, type Rect, type WindowMode, type WindowPlan } from './windowPlan';
export { contentSecurityPolicy, pageHeaders } from './pagePolicy';
