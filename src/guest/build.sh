#!/usr/bin/env bash
# Builds the guest (kernel with built-in initramfs, BIOS) reproducibly and copies it to public/guest/.
# Prerequisites: Debian 12 (bookworm) or later with apt, run as root (packages are installed on
# demand), ~2 GB free in $VLAB_GUEST_WORK, ~5 minutes on 2 cores. Details: src/guest/README.md.
#
# usage: npm run guest:build              build, copy into public/guest/, rewrite manifest.json
#        npm run guest:build -- --check   build and compare with the committed files; change nothing
#        VLAB_GUEST_WORK=/path npm run ...  build somewhere else (default /var/tmp/vlab-guest-build)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
guest_src=$repo/src/guest
out=$repo/public/guest
work=${VLAB_GUEST_WORK:-/var/tmp/vlab-guest-build}
kernel_package=linux-source-6.1
# gcc-i686-linux-gnu (the i386 cross compiler musl-dev:i386 uses) conflicts with gcc-multilib:
# the helpers are built with it and musl; the kernel needs only the native gcc.
packages=(linux-source-6.1 build-essential bc flex bison libelf-dev cpio gcc-i686-linux-gnu musl-dev:i386 zstd seabios xz-utils)

# Everything that could leak the build machine or time into the output is pinned here.
# https://www.kernel.org/doc/html/v6.1/kbuild/reproducible-builds.html
export SOURCE_DATE_EPOCH=1704067200
export KBUILD_BUILD_TIMESTAMP='2024-01-01 00:00:00 UTC'
export KBUILD_BUILD_USER=vlab KBUILD_BUILD_HOST=vlab KBUILD_BUILD_VERSION=1
export LC_ALL=C TZ=UTC

die() { echo "guest:build: $*" >&2; exit 1; }
step() { echo "==> $*"; }

check_host() {
  command -v apt-get >/dev/null && command -v dpkg-query >/dev/null ||
    die "needs a Debian/Ubuntu host with apt (found: $(. /etc/os-release 2>/dev/null; echo "${PRETTY_NAME:-unknown}"))."
  [[ $(id -u) == 0 ]] || die "needs root to install packages (${packages[*]}) and to add the i386 architecture; run as root."
  # npm puts the project's pinned node (devDependency "node") first on PATH.
  node=$(command -v node) || die "needs node (run through 'npm run guest:build')."
  "$node" -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 24 ? 0 : 1)' ||
    die "needs Node 24+ (runs .ts directly); found $("$node" --version). Run through 'npm run guest:build'."
}

install_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  # busybox-static:i386 and musl-dev:i386 come from the i386 architecture.
  if ! dpkg --print-foreign-architectures | grep -qx i386; then
    dpkg --add-architecture i386
    missing+=(i386-architecture)
  fi
  if ((${#missing[@]})); then
    step "installing ${missing[*]}"
    # A partial index failure (e.g. a mirror mid-sync for one suite) is not fatal: install fails
    # loudly below if a package really cannot be found.
    apt-get update -q || echo "guest:build: warning: apt-get update reported errors; continuing" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${packages[@]}"
  fi
}

fetch_busybox() {
  step "busybox-static:i386"
  mkdir -p "$work/dl"
  rm -rf "$work/dl/busybox"
  (cd "$work/dl" && rm -f busybox-static_*.deb && apt-get download -q busybox-static:i386) ||
    { apt-get update -q || true; (cd "$work/dl" && apt-get download -q busybox-static:i386); } ||
    die "could not download busybox-static:i386 (needs 'dpkg --add-architecture i386 && apt-get update')"
  dpkg-deb -x "$work"/dl/busybox-static_*_i386.deb "$work/dl/busybox"
  local deb=("$work"/dl/busybox-static_*_i386.deb)
  # "busybox (1:1.35.0-4+deb12u1)" -> source package and version; the binary may be a binNMU (+b1).
  busybox_source=$(dpkg-deb -f "${deb[0]}" Source | sed -E 's/^(\S+) \((.*)\)$/\1 \2/')
  busybox_source="$busybox_source (binary busybox-static:i386 $(dpkg-deb -f "${deb[0]}" Version))"
  busybox_glibc=$(dpkg-deb -f "${deb[0]}" Built-Using | sed -E 's/^glibc \(= (.*)\)$/\1/')
}

unpack_kernel() {
  linux_version=$(dpkg-query -W -f='${Version}' "$kernel_package")
  src=$work/$kernel_package
  if [[ $(cat "$work/.linux-unpacked" 2>/dev/null) != "$linux_version" ]]; then
    step "unpacking $kernel_package $linux_version"
    rm -rf "$src"
    tar -C "$work" -xf "/usr/src/$kernel_package.tar.xz"
    echo "$linux_version" >"$work/.linux-unpacked"
  fi
}

build_tools() {
  step "vlab-tools (static i386 helpers)"
  # Compiled from a copy in $work so no repository path can end up in the binary.
  rm -rf "$work/tools-src" && cp -r "$guest_src/tools" "$work/tools-src"
  # seccomp-run's name -> number table, from musl's i386 <sys/syscall.h> (the ABI the guest runs).
  echo '#include <sys/syscall.h>' | i386-linux-musl-gcc -E -dM - |
    sed -n 's/^#define __NR_\([a-z0-9_]*\) .*/    {"\1", __NR_\1},/p' | LC_ALL=C sort >"$work/tools-src/syscall-names.h"
  # musl, not glibc: a static glibc binary is ~800 KB and each exec of it ~0.2 s under emulation.
  (cd "$work/tools-src" && i386-linux-musl-gcc -static -Os -s -Wall -Wextra -Werror \
    -ffunction-sections -fdata-sections -Wl,--gc-sections -Wl,--build-id=none \
    -o "$work/stage/vlab-tools" ./*.c)
}

# Debian builds busybox with FEATURE_SH_STANDALONE/PREFER_APPLETS: ash, su, chroot, nsenter, ...
# run busybox's own `unshare` even when /usr/local/bin/unshare comes first in PATH. Renaming the
# two applets in busybox's sorted applet-name table (last letter -> "_", which keeps the table
# sorted for its binary search) makes every caller find our helpers by PATH instead.
# The originals stay reachable as `busybox unshar_` and `busybox setpri_`.
hide_busybox_applets() {
  perl -0777 -pi -e 's/\0unlzma\0unshare\0unxz\0/\0unlzma\0unshar_\0unxz\0/ or die "no unshare applet\n";
    s/\0setkeycodes\0setpriv\0setsid\0/\0setkeycodes\0setpri_\0setsid\0/ or die "no setpriv applet\n"' "$1" ||
    die "busybox's applet table is not as expected (was busybox-static updated?); see hide_busybox_applets"
  "$1" --list | grep -qx unshar_ && ! "$1" --list | grep -qx unshare ||
    die "renaming busybox applets failed"
}

stage_initramfs() {
  step "initramfs file list"
  rm -rf "$work/stage" && mkdir -p "$work/stage"
  cp -r "$guest_src/rootfs" "$work/stage/rootfs"
  cp "$work/dl/busybox/bin/busybox" "$work/stage/busybox"
  hide_busybox_applets "$work/stage/busybox"
  build_tools
  # i386 busybox runs on an x86-64 build host; it lists its own applets with their paths.
  "$work/stage/busybox" --list-full | LC_ALL=C sort >"$work/stage/applets.txt"
  # gen_init_cpio takes regular files' mtimes from the files themselves.
  find "$work/stage" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
  # A path relative to the kernel tree keeps the work directory out of the committed .config.
  "$guest_src/initramfs-list.sh" "$work/stage" >"$src/usr/vlab-initramfs.list"
}

configure_kernel() {
  step "kernel config: tinyconfig + src/guest/kernel-fragment.config"
  cd "$src"
  make -s ARCH=i386 tinyconfig >/dev/null
  cat "$guest_src/kernel-fragment.config" >"$work/fragment.config"
  echo 'CONFIG_INITRAMFS_SOURCE="usr/vlab-initramfs.list"' >>"$work/fragment.config"
  scripts/kconfig/merge_config.sh -m -O . .config "$work/fragment.config" >/dev/null
  make -s ARCH=i386 olddefconfig
  # Kconfig silently drops an option whose dependencies are missing: refuse to build then.
  local line lost=0
  while IFS= read -r line; do
    [[ $line =~ ^(CONFIG_|#\ CONFIG_.*is\ not\ set) ]] || continue
    grep -qxF -- "$line" .config || { echo "lost from .config: $line" >&2; lost=1; }
  done <"$work/fragment.config"
  ((lost == 0)) || die "some fragment options did not survive 'make olddefconfig' (see above)"
}

build_kernel() {
  step "make bzImage (a clean build takes ~4 min on 2 cores)"
  make -s ARCH=i386 -j"$(nproc)" bzImage
  kernel_release=$(make -s ARCH=i386 kernelrelease)
}

source_of() { dpkg-query -W -f='${source:Package} ${source:Version} (binary ${Package} ${Version})' "$1"; }

copy_outputs() {
  step "copying into public/guest/"
  mkdir -p "$out"
  cp "$src/arch/x86/boot/bzImage" "$out/bzImage"
  cp "$src/.config" "$out/kernel.config"
  cp /usr/share/seabios/bios.bin "$out/seabios.bin"
  cd "$repo"
  "$node" "$guest_src/write-manifest.ts" \
    --kernel-release "$kernel_release" \
    --linux-source "$(source_of "$kernel_package")" \
    --busybox "$busybox_source" \
    --glibc "glibc $busybox_glibc (Built-Using of busybox-static)" \
    --musl "$(source_of musl-dev:i386)" \
    --seabios "$(source_of seabios)" \
    --compiler "$(gcc --version | head -1)"
}

check_only=false
case ${1:-} in
  --check) check_only=true ;;
  '') ;;
  *) die "unknown argument '$1' (expected nothing or --check)" ;;
esac

# Compares the build with what public/guest/manifest.json records (the reproducibility check).
check_outputs() {
  local name file want got status=0
  for name in bzImage kernel.config; do
    file=$src/arch/x86/boot/bzImage
    [[ $name == kernel.config ]] && file=$src/.config
    want=$("$node" -e 'const m = require(process.argv[1]); console.log(m.files[process.argv[2]]?.sha256 ?? "none")' \
      "$out/manifest.json" "$name")
    got=$(sha256sum "$file" | cut -d' ' -f1)
    if [[ $want == "$got" ]]; then echo "same as committed: $name $got"; else echo "DIFFERENT: $name built $got, committed $want"; status=1; fi
  done
  return $status
}

check_host
install_packages
mkdir -p "$work"
fetch_busybox
unpack_kernel
stage_initramfs
configure_kernel
build_kernel
if $check_only; then
  check_outputs
else
  copy_outputs
  sha256sum "$out/bzImage"
fi
