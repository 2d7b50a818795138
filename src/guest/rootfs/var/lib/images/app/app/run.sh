#!/bin/sh
# The "application" of the app layer: prints which layer each file came from.
cat /etc/greeting
echo "running as pid $$ on $(hostname)"
