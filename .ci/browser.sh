#!/bin/sh
# The browser test opens every page in headless Chromium; the Chinese pages need CJK fonts.
# As root with apt-get (Debian), install what is missing; otherwise say how to get it.
# Never fails: without Chromium the test is skipped and says why.
have_chromium() { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; }
have_cjk() {
    if command -v fc-list >/dev/null 2>&1; then fc-list :lang=zh family | grep -q .
    else dpkg -s fonts-noto-cjk >/dev/null 2>&1; fi
}
have_chromium && have_cjk && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing chromium and fonts-noto-cjk for the browser test (apt-get)"
    if apt-get -o DPkg::Lock::Timeout=600 update -qq &&
        DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium fonts-noto-cjk >/dev/null; then
        exit 0
    fi
    echo "apt-get could not install chromium and fonts-noto-cjk: the browser test will be skipped"
else
    echo "The browser test needs Chromium and CJK fonts; without Chromium it is skipped."
    echo "To run it: sudo apt-get install chromium fonts-noto-cjk (Debian; Ubuntu: chromium-browser),"
    echo "or any Chromium named chromium or chromium-browser on PATH, then make test again."
fi
exit 0
