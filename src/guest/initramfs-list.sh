#!/usr/bin/env bash
# Prints the guest's initramfs as a file list for the kernel's usr/gen_init_cpio
# (format: `usr/gen_init_cpio -h`, or Documentation/driver-api/early-userspace/early_userspace_support.rst).
# Directories come first, then everything else, each group sorted bytewise, so the archive
# is the same on every machine. Owners and modes are set here, not taken from the checkout.
#
# usage: initramfs-list.sh STAGE LAZY_TREE LAZY_MOUNT
#   STAGE/rootfs/      copy of src/guest/rootfs with fixed mtimes
#   STAGE/busybox      busybox-static:i386, with the applets Debian commands replace hidden
#   STAGE/vlab-tools   the helpers from src/guest/tools
#   STAGE/applets.txt  the applets busybox keeps, with their paths (`busybox --list-full`)
#   LAZY_TREE          the tree the guest mounts over 9p at LAZY_MOUNT (Debian's tools, the OCI image):
#                      its paths get links here (/bin/ip -> /opt/vlab/bin/ip), so they are on PATH
set -euo pipefail
stage=$(cd "$1" && pwd)
lazy_tree=$(cd "$2" && pwd)
lazy_mount=$3
dirs=$(mktemp)
rest=$(mktemp)
trap 'rm -f "$dirs" "$rest"' EXIT

owner_of() {
  case $1 in /home/learner | /home/learner/*) echo "1000 1000" ;; *) echo "0 0" ;; esac
}

dir_mode() {
  case $1 in /root) echo 0700 ;; /tmp | /var/tmp) echo 1777 ;; *) echo 0755 ;; esac
}

declare -A is_dir=() from_lazy=()
add_dir() {
  is_dir[$1]=1
  # The root entry is "." because gen_init_cpio strips a leading "/" and the kernel then
  # chmods "." — a root that is not 0755 breaks `su` to the learner (see README pitfalls).
  local name=$1
  [[ $name == / ]] && name=.
  printf '%s\tdir %s %s %s\n' "$1" "$name" "$(dir_mode "$1")" "$(owner_of "$1")" >>"$dirs"
}

add_link() { printf '%s\tslink %s %s 0777 0 0\n' "$1" "$1" "$2" >>"$rest"; }

# Directories every Linux root has, plus mount points: the lazy tree, and the chroot jail and the base
# layer, which vlab-boot-setup bind-mounts from it (their busybox is the unmodified one).
bind_mounted=(/srv/jail /var/lib/images/base)
for d in / /bin /sbin /usr /usr/bin /usr/sbin /usr/local /usr/local/bin /usr/local/sbin /usr/local/lib \
  /dev /proc /sys /run /tmp /root /mnt /home /var /var/tmp /var/lib /var/lib/images /srv /opt "$lazy_mount" \
  "${bind_mounted[@]}"; do
  add_dir "$d"
done

# Files and folders of src/guest/rootfs.
while IFS= read -r -d '' path; do
  rel=${path#"$stage/rootfs"}
  [[ -z $rel ]] && continue
  if [[ -d $path ]]; then
    add_dir "$rel"
  else
    mode=0644
    [[ -x $path ]] && mode=0755
    [[ $rel == /etc/shadow ]] && mode=0600
    printf '%s\tfile %s %s %s %s\n' "$rel" "$rel" "$path" "$mode" "$(owner_of "$rel")" >>"$rest"
  fi
done < <(find "$stage/rootfs" -print0)

# The lazily served tree: a path the initramfs has as a directory is entered, anything else is linked
# into the mount, so /bin/ip, /usr/bin/unshare ... are single links and /lib, /usr/lib, /usr/share whole
# directories. Debian's own absolute links (/sbin/ip -> /bin/ip) then resolve through these.
link_lazy() {
  local entry name path
  for entry in "$lazy_tree$1"/* "$lazy_tree$1"/.[!.]*; do
    [[ -e $entry || -L $entry ]] || continue
    name=${entry##*/}
    path=$1/$name
    [[ " ${bind_mounted[*]} " == *" $path "* ]] && continue
    if [[ -n ${is_dir[$path]:-} && -d $entry && ! -L $entry ]]; then
      link_lazy "$path"
    else
      add_link "$path" "$lazy_mount$path"
      from_lazy[$path]=1
    fi
  done
}
link_lazy ""
# As on Debian (util-linux's mount and findmnt read it when there is no libmount utab).
add_link /etc/mtab ../proc/self/mounts

printf '%s\tfile %s %s 0755 0 0\n' /bin/busybox /bin/busybox "$stage/busybox" >>"$rest"
# vlab-init makes / a mount pivot_root can leave, then execs busybox init (tools/init.c).
add_link /init /usr/local/lib/vlab-tools
while read -r applet; do
  # A Debian file at the same path (e.g. /bin/more) takes precedence.
  [[ $applet == linuxrc || -n ${from_lazy[/$applet]:-} ]] && continue
  add_link "/$applet" /bin/busybox
done <"$stage/applets.txt"

printf '%s\tfile %s %s 0755 0 0\n' /usr/local/lib/vlab-tools /usr/local/lib/vlab-tools "$stage/vlab-tools" >>"$rest"
for tool in nsmap seccomp-run landlock-run chsmack ring3; do add_link "/usr/local/bin/$tool" /usr/local/lib/vlab-tools; done
add_link /usr/local/sbin/vlab-agent /usr/local/lib/vlab-tools
add_link /usr/local/sbin/vlab-boot-setup /usr/local/lib/vlab-tools
printf '%s\tnod /dev/console 0600 0 0 c 5 1\n' /dev/console >>"$rest"

LC_ALL=C sort -t $'\t' -k1,1 -u "$dirs" | cut -f2-
LC_ALL=C sort -t $'\t' -k1,1 -u "$rest" | cut -f2-
