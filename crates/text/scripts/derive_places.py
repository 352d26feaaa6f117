#!/usr/bin/env python3
"""Derives data/boilerplate/places.txt: the place names that make a leading
`<Name> - ` prefix a dateline rather than a site name.

Sources (read from ../shared, never at run time):
- gazetteer/indonesia-wilayah provinces.csv and regencies.csv (MIT):
  Indonesian provinces and regencies/cities, "KABUPATEN"/"KOTA" dropped.
- gazetteer/cldr-id/territories_en_id.tsv (Unicode License): country names in
  Indonesian and English (datelines such as `SPANYOL - `).
- CAPITALS below: world capitals, frequent foreign dateline cities and
  Malaysian states and towns seen in Malay news datelines, written by hand
  in their Indonesian/Malay press spelling and English spelling.

Usage: python3 crates/text/scripts/derive_places.py [SHARED_DIR] > data/boilerplate/places.txt
"""
import csv
import os
import sys

CAPITALS = """
Abu Dhabi|Addis Ababa|Amman|Amsterdam|Ankara|Athena|Athens|Baghdad|Bagdad|Bangkok|Beijing|Beirut|Beograd|Belgrade|
Berlin|Bern|Brussel|Brussels|Budapest|Buenos Aires|Kairo|Cairo|Canberra|Caracas|Kopenhagen|Copenhagen|Dakar|Damaskus|
Damascus|Dhaka|Dili|Doha|Dublin|Gaza|Hanoi|Havana|Helsinki|Islamabad|Jenewa|Geneva|Kabul|Kathmandu|Khartoum|
Kiev|Kyiv|Kuala Lumpur|Kuwait City|Lima|Lisabon|Lisbon|London|Madrid|Manila|Meksiko City|Mexico City|Minsk|
Moskow|Moscow|Nairobi|Naypyidaw|New Delhi|Oslo|Ottawa|Paris|Phnom Penh|Praha|Prague|Pyongyang|Rabat|Riyadh|Roma|
Rome|Santiago|Seoul|Singapura|Singapore|Sofia|Stockholm|Taipei|Teheran|Tehran|Tel Aviv|Yerusalem|Jerusalem|Tokyo|
Tripoli|Tunis|Ulaanbaatar|Vientiane|Warsawa|Warsaw|Washington|Wellington|Wina|Vienna|Yangon|Bandar Seri Begawan|
Port Moresby|Kuala Terengganu|Johor Bahru|Penang|Kota Kinabalu|Kuching|Hong Kong|Makau|Macau|Shanghai|Osaka|
New York|Los Angeles|San Francisco|Sydney|Melbourne|Perth|Darwin|Mekkah|Makkah|Mecca|Madinah|Medina|Jeddah|
Dubai|Istanbul|Mumbai|Den Haag|The Hague|Frankfurt|Davos|Vatikan|Vatican City|Strasbourg|Brisbane|Auckland|
Putrajaya|Shah Alam|Seremban|Kuantan|Kangar|Alor Setar|Ipoh|George Town|Melaka|Kota Bharu|Cyberjaya|
Petaling Jaya|Subang Jaya|Klang|Sungai Petani|Kluang|Miri|Sibu|Bintulu|Sandakan|Tawau|Labuan|Batu Pahat|Muar|
Taiping|Teluk Intan|Temerloh|Kulim|Selangor|Johor|Kedah|Kelantan|Terengganu|Pahang|Perak|Perlis|Pulau Pinang|
Sabah|Sarawak|Negeri Sembilan|Permatang Pauh|Pasir Salak|Merbok|Kuala Langat|Ho Chi Minh City|Myanmar|Burma|Afrika|Asia|Inggris|Amerika|Britania Raya|China|Cina|Korea|Eropa|Timur Tengah|Busan|Kharkiv|Odessa|Donetsk|Luhansk|Sievierodonetsk|Mariupol|Vladivostok|St Petersburg
"""

SKIP_CODES = {"EU", "EZ", "UN", "ZZ", "XA", "XB", "QO", "001"}


def title(name):
    words = []
    for w in name.split():
        words.append(w if w in ("DKI", "DI") else w.capitalize())
    return " ".join(words)


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "../../../../shared")
    gaz = os.path.join(shared, "data/gazetteer")
    names = set()
    with open(os.path.join(gaz, "indonesia-wilayah/provinces.csv"), encoding="utf-8") as f:
        for _code, name in csv.reader(f):
            name = title(name)
            names.add(name)
            for pre in ("DKI ", "DI "):
                if name.startswith(pre):
                    names.add(name[len(pre):])
    with open(os.path.join(gaz, "indonesia-wilayah/regencies.csv"), encoding="utf-8") as f:
        for _code, _prov, name in csv.reader(f):
            for pre in ("KABUPATEN ", "KOTA ADM. ", "KOTA "):
                if name.startswith(pre):
                    name = name[len(pre):]
                    break
            names.add(title(name))
    with open(os.path.join(gaz, "cldr-id/territories_en_id.tsv"), encoding="utf-8") as f:
        rows = csv.reader(f, delimiter="\t")
        next(rows)
        for code, en, id_ in rows:
            if not code.isalpha() or code in SKIP_CODES:
                continue
            for n in (en, id_):
                if "(" not in n and "&" not in n and len(n.split()) <= 3:
                    names.add(n)
    for n in CAPITALS.replace("\n", "").split("|"):
        if n.strip():
            names.add(n.strip())
    print("# Place names that make a leading `<Name> - ` prefix a dateline (see")
    print("# crates/text/scripts/derive_places.py for sources and licences:")
    print("# indonesia-wilayah (MIT), CLDR territory names (Unicode License),")
    print("# and a hand-written list of world capitals). Matched case-insensitively.")
    for n in sorted(names, key=str.lower):
        print(n)


if __name__ == "__main__":
    main()
