"""Lesson texts for the demo courses (Markdown, in Swedish)."""

from __future__ import annotations

# (module title, module description, [(lesson title, Markdown)])
PHONE_COURSE = [
    (
        "Inledning och aktivt lyssnande",
        "Hur du öppnar samtalet och visar att du lyssnar när personen inte ser dig.",
        [
            (
                "Så inleder du samtalet",
                """De första sekunderna avgör hur resten av samtalet blir. Den som ringer
kommunen är ofta osäker på om hen har kommit rätt, och ibland orolig för sitt ärende.

**Säg tre saker när du svarar:**

1. Var personen har kommit: *”Välkommen till kontaktcenter i Exempelkommunen”*.
2. Vem hen talar med: *”du talar med Sara”*.
3. En öppen inbjudan: *”Vad kan jag hjälpa dig med?”*

Le när du svarar – det hörs på rösten. Ta inte samtalet mitt i en mening till en kollega,
och låt aldrig någon vänta innan du har hälsat och förklarat varför.

> Tips: Skriv ner personens namn direkt när hen säger det, och använd det i samtalet.
""",
            ),
            (
                "Aktivt lyssnande i telefon",
                """I telefon syns inga nickar eller leenden. Därför behöver du visa med
rösten att du lyssnar.

- **Bekräfta** med korta ord: ”mm”, ”jag förstår”, ”okej”.
- **Sammanfatta** med egna ord: ”Om jag förstår dig rätt har du inte fått något beslut om
  bygglovet, och du behöver veta när det kommer?”
- **Fråga öppet** först (”Berätta mer om …”) och stängt på slutet (”Är det rätt
  personnummer?”).
- **Förklara tystnad:** ”Jag letar fram dina uppgifter, det tar någon minut.”

Undvik att börja söka i systemen innan personen har berättat klart. Då missar du ofta det
viktigaste, och personen märker att du är upptagen med annat.
""",
            ),
        ],
    ),
    (
        "Klarspråk i samtalet",
        "Enkla ord, aktiva meningar och konkreta besked.",
        [
            (
                "Säg det enkelt",
                """Klarspråk är enligt språklagen vårdat, enkelt och begripligt språk. Det
gäller lika mycket i telefon som i brev.

| I stället för | Säg |
|---|---|
| erhålla | få |
| inkomma med | skicka in |
| tillhandahålla | ge |
| i enlighet med | enligt |

Säg **vem som gör vad och när**: ”Skicka in ansökan senast den 15 maj, så får du ett
beslut i juni.” Undvik passiv form som ”ansökan ska vara kommunen tillhanda”.

Kontrollera att personen har förstått genom att be hen berätta vad som händer nu – inte
genom att fråga ”Förstår du?”.
""",
            ),
        ],
    ),
    (
        "Svåra samtal, överlämning och sekretess",
        "När personen är arg, när någon annan måste ta över och när du inte får berätta.",
        [
            (
                "När samtalet blir svårt",
                """En arg person är oftast arg på situationen, inte på dig. Låt personen tala
till punkt, och bekräfta känslan innan du förklarar något:

*”Jag förstår att det är frustrerande att inte ha fått svar på ditt mejl.”*

När personen känner sig hörd sjunker ofta tonläget. Först då går det att prata om vad som
kan göras. Sätt en gräns om någon blir hotfull eller kränkande: säg vad som händer om det
fortsätter, och avsluta samtalet lugnt om det gör det. Berätta för din chef efteråt.
""",
            ),
            (
                "Varm överlämning",
                """Att behöva berätta sitt ärende igen är en av de vanligaste orsakerna till
missnöje. Gör därför en **varm överlämning**:

1. Berätta för personen vem du kopplar till och varför.
2. Sammanfatta ärendet för handläggaren innan du kopplar.
3. Om handläggaren inte kan svara: registrera ärendet med en sammanfattning och
   kontaktuppgifter, och säg när personen kan vänta sig svar.

Mät gärna hur stor del av samtalen som löses i första kontakten. Det visar var
verksamheten kan bli bättre.
""",
            ),
            (
                "Sekretess i telefon",
                """Du vet sällan säkert vem du talar med. Lämna därför aldrig ut uppgifter som
kan omfattas av sekretess utan att först kontrollera vem personen är.

- Redan uppgiften om att någon har kontakt med socialtjänsten omfattas som regel av
  sekretess. Du får varken bekräfta eller förneka den.
- Erbjud i stället att personen själv kan göra en orosanmälan, eller att en handläggare
  ringer upp på ett nummer som finns registrerat.

Läs mer i kommunens rutin för [offentlighet och sekretess](https://www.riksdagen.se).
""",
            ),
        ],
    ),
]

EMAIL_COURSE = [
    (
        "Skriv för mottagaren",
        "Börja med det viktigaste och skriv som du skulle säga det.",
        [
            (
                "Det viktigaste först",
                """Den som mejlar kommunen vill veta **vad som gäller för just hen**. Börja
därför med beskedet eller svaret, och förklara bakgrunden efteråt.

- Svara på frågan i första meningen.
- Skriv *du* till mottagaren och *vi* om kommunen.
- En tanke per stycke, och korta stycken.
""",
            ),
            (
                "Ämnesraden",
                """Ämnesraden ska säga vad mejlet handlar om och om något behöver göras:
*”Ditt bygglov – komplettering behövs senast 3 juni”* i stället för *”Ärende 2026-1234”*.
""",
            ),
        ],
    ),
    (
        "Struktur och ton",
        "Vänlig, saklig ton och en tydlig avslutning.",
        [
            (
                "Avsluta med nästa steg",
                """Avsluta med vad som händer nu och vem personen kan kontakta:

*”Du får ett beslut senast den 20 juni. Har du frågor innan dess är du välkommen att
ringa mig på 0123-45 67 89.”*

Underteckna med ditt namn, din funktion och hur du nås – inte bara med en
funktionsbrevlåda.
""",
            ),
        ],
    ),
]
