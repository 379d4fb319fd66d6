#!/usr/bin/env bash
# Regenerates the sandbox's throwaway platform certificates (see README.md). Run from this folder;
# needs the openssl command line. The outputs are committed: the tests never run this.
set -euo pipefail
cd "$(dirname "$0")"

# The second platform key, for rotations (generated once, like the other keys in ..).
[ -f ../platform_next_private_key.pem ] || {
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out ../platform_next_private_key.pem
  openssl pkey -in ../platform_next_private_key.pem -pubout -out ../platform_next_public_key.pem
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# cert NAME KEY SERIAL START END: a self-signed certificate with a fixed serial and validity.
cert() {
  local name=$1 key=$2 serial=$3 start=$4 end=$5
  : >"$work/index.txt"
  echo "$serial" >"$work/serial"
  cat >"$work/ca.cnf" <<CNF
[ca]
default_ca = sandbox
[sandbox]
database = $work/index.txt
serial = $work/serial
new_certs_dir = $work
default_md = sha256
policy = any
unique_subject = no
[any]
commonName = supplied
[req]
distinguished_name = dn
prompt = no
[dn]
CN = wechatpay-mock $name platform certificate (test only)
CNF
  openssl req -new -key "$key" -config "$work/ca.cnf" -out "$work/$name.csr"
  openssl ca -batch -selfsign -config "$work/ca.cnf" -keyfile "$key" -in "$work/$name.csr" \
    -startdate "$start" -enddate "$end" -notext -out "$name.pem" 2>/dev/null
  openssl x509 -in "$name.pem" -noout -serial -startdate -enddate
}

cert current ../platform_private_key.pem 3D5A1C0E7B9F2A4C6E8D0B1F3A5C7E9D1B3F5A7C 20240101000000Z 20340101000000Z
cert next ../platform_next_private_key.pem 4E6B2D1F8C0A3B5D7F9E1C2A4B6D8F0E2C4A6B8D 20260101000000Z 20360101000000Z
cert untrusted ../other_private_key.pem 7F1E3D5C7B9A0F2E4D6C8B0A1F3E5D7C9B1A3F5E 20240101000000Z 20340101000000Z
