// electron-builder afterPack hook: flips the packaged Electron binary's fuses (Electron security
// checklist; https://www.electronjs.org/docs/latest/tutorial/fuses) before signing:
//   RunAsNode off           ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node
//   NodeOptions off         NODE_OPTIONS cannot inject code
//   Node CLI inspect off    --inspect cannot attach a debugger
//   asar integrity on       the app's asar must match the hash embedded at build time (macOS, Windows)
//   OnlyLoadAppFromAsar on  a loose app/ folder beside the asar is never loaded instead
//   cookie encryption on, file:// extra privileges off (the app serves app:// only)
// Uses @electron/fuses, which electron-builder depends on.
'use strict';
const path = require('node:path');
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

/** builder-util's Arch enum: arm64 = 3, universal = 4. */
const ARM64 = 3;
const UNIVERSAL = 4;

const FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The packaged Electron binary, named as electron-builder names it on each platform. */
function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const product = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${product}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${product}.exe`);
  return path.join(appOutDir, packager.executableName ?? product.toLowerCase());
}

async function afterPack(context) {
  const binary = electronBinary(context);
  const mac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(binary, {
    version: FuseVersion.V1,
    // Changing the binary breaks the ad-hoc signature Apple silicon requires; re-sign ad hoc.
    resetAdHocDarwinSignature: mac && (context.arch === ARM64 || context.arch === UNIVERSAL),
    ...FUSES,
  });
  console.log(`  • fuses flipped in ${binary}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.electronBinary = electronBinary;
