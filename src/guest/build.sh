#!/usr/bin/env bash
# Builds the guest (kernel with built-in initramfs, BIOS) reproducibly and copies it to public/guest/.
# Prerequisites: Debian 12 (bookworm) or later with apt, run as root (packages are installed on
# demand), ~2 GB free in $VLAB_GUEST_WORK, ~10 minutes on 2 cores. Details: src/guest/README.md.
# Besides the kernel it makes the lazily served tree (public/guest/lazy.json and public/guest/lazy/):
# the Debian packages pinned in src/guest/debian-packages.txt and a small OCI image.
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
# Where the guest mounts the lazily served tree (also in tools/boot-setup.c); the initramfs links into it.
lazy_mount=/opt/vlab
# Debian commands left out of the guest: su needs PAM and its configuration (busybox su stays).
debian_left_out=(bin/su)

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

# Downloads the exact versions in debian-packages.txt and unpacks them into one tree ($lazy_tree), the
# guest's paths as Debian has them (not usr-merged). Records each package's source for the manifest.
fetch_debian_packages() {
  step "Debian packages (src/guest/debian-packages.txt)"
  lazy_tree=$work/lazy-tree
  rm -rf "$lazy_tree" && mkdir -p "$lazy_tree"
  : >"$work/debian-packages.tsv"
  local pkg version arch licence dir deb spec source
  while read -r pkg version arch licence; do
    [[ -z $pkg ]] && continue
    dir=$work/dl/debian/$pkg
    deb=$(find "$dir" -name '*.deb' 2>/dev/null | head -1 || true)
    if [[ -z $deb || $(dpkg-deb -f "$deb" Version) != "$version" ]]; then
      rm -rf "$dir" && mkdir -p "$dir"
      spec="$pkg:$arch=$version"
      [[ $arch == all ]] && spec="$pkg=$version"
      (cd "$dir" && apt-get download -q "$spec") ||
        { apt-get update -q || true; (cd "$dir" && apt-get download -q "$spec"); } ||
        die "could not download $spec (a newer Debian update may have replaced it: update src/guest/debian-packages.txt)"
      deb=$(find "$dir" -name '*.deb' | head -1)
    fi
    if [[ $pkg == base-files ]]; then
      # Only the licence texts the other packages' copyright files point to.
      dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$lazy_tree" ./usr/share/common-licenses
    else
      dpkg-deb -x "$deb" "$lazy_tree"
    fi
    # "Source: util-linux" or "Source: bash (5.2.15-2)" for a binNMU; no field: same name and version.
    source=$(dpkg-deb -f "$deb" Source)
    [[ -z $source ]] && source=$pkg
    [[ $source == *'('* ]] || source="$source ($version)"
    source=$(sed -E 's/^(\S+) \((.*)\)$/\1 \2/' <<<"$source")
    printf '%s\t%s\t%s\t%s\t%s\n' "$pkg" "$version" "$arch" "$source" "$licence" >>"$work/debian-packages.tsv"
  done < <(sed 's/#.*//' "$guest_src/debian-packages.txt")
  prune_debian_tree
  check_shared_libraries
  make_ld_so_cache
}

# /etc/ld.so.cache, as Debian's libc-bin trigger makes it. Without it ld.so looks for each library in ~16
# directories (tls/, i686/, sse2/ ...), and under 9p every miss is a round trip to the host: `ip` made 30
# failed lookups per run. The host's ldconfig reads i386 libraries too; -X leaves the links alone.
make_ld_so_cache() {
  echo 'include /etc/ld.so.conf.d/*.conf' >"$lazy_tree/etc/ld.so.conf"
  ldconfig -X -r "$lazy_tree"
  [[ -s $lazy_tree/etc/ld.so.cache ]] || die "ldconfig wrote no $lazy_tree/etc/ld.so.cache"
}

# What a guest without man, systemd, PAM or locales has no use for; each copyright file stays.
prune_debian_tree() {
  cd "$lazy_tree"
  rm -rf usr/share/man usr/share/info usr/share/locale usr/share/lintian usr/share/bug usr/share/bash-completion \
    usr/share/doc-base usr/share/menu usr/share/pam-configs usr/share/zsh usr/share/gdb \
    etc/init.d etc/cron.* etc/logrotate.d etc/pam.d etc/systemd lib/systemd usr/lib/systemd usr/lib/tmpfiles.d \
    usr/lib/i386-linux-gnu/gconv usr/lib/i386-linux-gnu/krb5/plugins "${debian_left_out[@]}"
  find usr/share/doc -mindepth 2 ! -name copyright ! -type d -delete
  find usr/share/doc -mindepth 1 -type d -empty -delete
  cd "$repo"
}

# Every program and library must find the libraries it names (DT_NEEDED) in the tree: a missing one
# would only show as "error while loading shared libraries" in a learner's terminal.
check_shared_libraries() {
  local file lib missing=0
  [[ -e $lazy_tree/lib/ld-linux.so.2 ]] || die "the tree has no /lib/ld-linux.so.2 (is libc6 in debian-packages.txt?)"
  while IFS= read -r -d '' file; do
    [[ $(head -c 4 "$file" | od -An -c | tr -d ' ') == 177ELF ]] || continue
    for lib in $(readelf -dW "$file" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
      [[ -e $lazy_tree/lib/i386-linux-gnu/$lib || -e $lazy_tree/usr/lib/i386-linux-gnu/$lib ]] && continue
      echo "${file#"$lazy_tree"} needs $lib, which no package in debian-packages.txt provides" >&2
      missing=1
    done
  done < <(find "$lazy_tree" -type f -print0)
  ((missing == 0)) || die "add the packages that provide the libraries above to src/guest/debian-packages.txt"
}

# The OCI image the container chapters unpack and run (make-oci-image.ts), with Debian's own busybox.
make_oci_image() {
  step "OCI image /var/lib/oci/hello"
  "$node" "$guest_src/make-oci-image.ts" "$work/dl/busybox/bin/busybox" "$lazy_tree/var/lib/oci/hello"
}

# The chroot jail and the overlay base layer (bind-mounted at boot, tools/boot-setup.c explains why):
# src/guest/lazy-rootfs plus Debian's unmodified busybox and a few applet links in each.
make_lazy_roots() {
  step "chroot jail and base layer (lazy-rootfs)"
  cp -r "$guest_src/lazy-rootfs/." "$lazy_tree/"
  local root applets a
  for root in srv/jail var/lib/images/base; do
    mkdir -p "$lazy_tree/$root"/{bin,proc,dev,tmp}
    chmod 1777 "$lazy_tree/$root/tmp"
    cp "$work/dl/busybox/bin/busybox" "$lazy_tree/$root/bin/busybox"
  done
  mkdir -p "$lazy_tree/srv/jail/etc" "$lazy_tree/var/lib/images/base/sys"
  applets="sh ls cat echo pwd id mkdir rm ps mount hostname uname env touch"
  for a in $applets; do ln -s busybox "$lazy_tree/srv/jail/bin/$a"; done
  # Every applet: a container's first shell is the host's (its busybox knows no ps, mount, umount, ip ...),
  # and after pivot_root it finds them only by PATH in this layer.
  for a in $("$work/dl/busybox/bin/busybox" --list); do
    [[ $a == busybox ]] || ln -s busybox "$lazy_tree/var/lib/images/base/bin/$a"
  done
}

# Writes the 9p index and the per-file zstd files (write-lazy-files.ts) into $1.
write_lazy_files() {
  step "lazy files: index and zstd files"
  # Every entry gets the same mtime: the index then does not depend on when packages were unpacked.
  find "$lazy_tree" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
  lazy_stats=$("$node" "$guest_src/write-lazy-files.ts" "$lazy_tree" "$1")
  echo "$lazy_stats"
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

# Every busybox applet that a Debian command of the same name replaces (ip, ps, mount, unshare ...):
# busybox forgets those (hide-busybox-applets.ts explains why it must), the rest stays busybox.
replaced_applets() {
  comm -12 <("$work/dl/busybox/bin/busybox" --list | LC_ALL=C sort) \
    <(find "$lazy_tree"/{bin,sbin,usr/bin,usr/sbin} -mindepth 1 -maxdepth 1 -printf '%f\n' | LC_ALL=C sort -u)
}

stage_initramfs() {
  step "initramfs file list"
  rm -rf "$work/stage" && mkdir -p "$work/stage"
  cp -r "$guest_src/rootfs" "$work/stage/rootfs"
  cp "$work/dl/busybox/bin/busybox" "$work/stage/busybox"
  replaced_applets >"$work/stage/replaced-applets.txt"
  # shellcheck disable=SC2046
  "$node" "$guest_src/hide-busybox-applets.ts" "$work/stage/busybox" $(cat "$work/stage/replaced-applets.txt")
  build_tools
  # i386 busybox runs on an x86-64 build host (binfmt: qemu-user-static); it lists its applets with paths.
  # Listed by the unmodified busybox, without the replaced applets (their links point into the 9p tree).
  "$work/dl/busybox/bin/busybox" --list-full | awk -F/ 'NR == FNR { replaced[$0] = 1; next } !($NF in replaced)' \
    "$work/stage/replaced-applets.txt" - | LC_ALL=C sort >"$work/stage/applets.txt"
  # gen_init_cpio takes regular files' mtimes from the files themselves.
  find "$work/stage" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
  # A path relative to the kernel tree keeps the work directory out of the committed .config.
  "$guest_src/initramfs-list.sh" "$work/stage" "$lazy_tree" "$lazy_mount" >"$src/usr/vlab-initramfs.list"
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
    --compiler "$(gcc --version | head -1)" \
    --debian-packages "$work/debian-packages.tsv" \
    --lazy-stats "$lazy_stats" \
    --lazy-mount "$lazy_mount"
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
  for name in bzImage kernel.config lazy.json; do
    file=$src/arch/x86/boot/bzImage
    [[ $name == kernel.config ]] && file=$src/.config
    [[ $name == lazy.json ]] && file=$work/check/lazy.json
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
fetch_debian_packages
make_oci_image
make_lazy_roots
if $check_only; then
  rm -rf "$work/check" && mkdir -p "$work/check" && write_lazy_files "$work/check"
else
  write_lazy_files "$out"
fi
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
