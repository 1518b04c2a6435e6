# Sourced by the bench scripts.
# Input: a command and the Debian package that provides it. Output: the
# command installed, from Debian's packages, if it was missing.
need_debian_package() {
    command -v "$1" >/dev/null && return
    echo "installing $2" >&2
    local sudo=
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$2" >&2
}
