"""A small Turkish check (no labelled Turkish set exists): sentences written for this test about well-documented
public events (the February 2023 earthquakes, the May 2023 presidential run-off, Finland's NATO accession, the
July 2022 Black Sea grain deal signed in Istanbul), plus the Turkish seed's institutions. Expected mentions follow
the project's convention: an apostrophe case suffix belongs to the mention (``Ankara'da``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.stages.entities import EntityStage

#: sentence -> every (mention, type) the stage must find, and nothing else of types PER/ORG/LOC.
CASES: dict[str, set[tuple[str, str]]] = {
    "Kahramanmaraş merkezli depremler 6 Şubat 2023'te Hatay, Gaziantep ve Adıyaman'da büyük yıkıma yol açtı.": {
        ("Kahramanmaraş", "LOC"), ("Hatay", "LOC"), ("Gaziantep", "LOC"), ("Adıyaman'da", "LOC")},
    "Cumhurbaşkanı Recep Tayyip Erdoğan, 28 Mayıs'taki ikinci turda Kemal Kılıçdaroğlu'nu geride bıraktı.": {
        ("Recep Tayyip Erdoğan", "PER"), ("Kemal Kılıçdaroğlu'nu", "PER")},
    "Türkiye Büyük Millet Meclisi, Finlandiya'nın NATO'ya katılımını Mart 2023'te onayladı.": {
        ("Türkiye Büyük Millet Meclisi", "ORG"), ("Finlandiya'nın", "LOC"), ("NATO'ya", "ORG")},
    "Tahıl anlaşması Temmuz 2022'de İstanbul'da BM Genel Sekreteri António Guterres'in katıldığı törenle imzalandı.": {
        ("İstanbul'da", "LOC"), ("BM", "ORG"), ("António Guterres'in", "PER")},
    "Almanya Başbakanı Olaf Scholz, Berlin'de Fransa Cumhurbaşkanı Emmanuel Macron'u ağırladı.": {
        ("Almanya", "LOC"), ("Olaf Scholz", "PER"), ("Berlin'de", "LOC"), ("Fransa", "LOC"),
        ("Emmanuel Macron'u", "PER")},
    "Anadolu Ajansı'na konuşan yetkili, Avrupa Birliği ile görüşmelerin süreceğini söyledi.": {
        ("Anadolu Ajansı'na", "ORG"), ("Avrupa Birliği", "ORG")},
    "Bugün Ankara'da yağmur yağdı. Yarın İzmir'de güneşli bir hava bekleniyor.": {
        ("Ankara'da", "LOC"), ("İzmir'de", "LOC")},
    "Ekonomi Bakanı açıklama yaptı. Sonra Başkan konuştu. Devlet Başkanları görüştü.": set(),
    # invented people with common names: Ahmet and Mehmet are Zipf 5.4 words in Turkish, Demir is "iron"
    "Dün akşam Ahmet Yılmaz ile Mehmet Demir İzmir'de bir araya geldi.": {
        ("Ahmet Yılmaz", "PER"), ("Mehmet Demir", "PER"), ("İzmir'de", "LOC")},
    # a sentence opening with a Turkish given name as frequent as a common word and a rare surname: a person;
    # a common word that Faker's Turkish list holds as a name (ortak "joint") opens none
    "Ahmet Zelkan ile Ayşe Dorukan Ankara'da evlendi. Ortak Deklarasyonda iki ülke uzlaştı.": {
        ("Ahmet Zelkan", "PER"), ("Ayşe Dorukan", "PER"), ("Ankara'da", "LOC")},
    # an inflected common word opening a sentence ("in the meeting") is no part of the name after it
    "Görüşmede Biden, iki ülke arasındaki ilişkilerin önemine değindi.": set(),
    # a demonym (Kenyan) stands before a name like a title and is no place; a place before a compound's
    # possessive head (the Berlin Marathon) is the place, not the person's surname
    "Kenyalı Zelkan Kiprotich Berlin Maratonu'nda yeni bir rekor kırdı.": {
        ("Zelkan Kiprotich", "PER"), ("Berlin", "LOC")},
    "Ankaralı iş insanı Zelkan Yavaş dün Astana Zirvesi'ne katıldı.": {("Zelkan Yavaş", "PER"), ("Astana", "LOC")},
    "Başbakan Zelkan Han Ankara Zirvesi'ne katıldı. Dün Berlin Maratonu'nda rekor kırıldı.": {
        ("Zelkan Han", "PER"), ("Ankara", "LOC"), ("Berlin", "LOC")},
    "Toplantıya Çinli yetkililer ve Azerbaycanlı diplomat Zelkan Aliyev katıldı.": {("Zelkan Aliyev", "PER")},
    # the periods of shortened titles end no sentence; a title in the plural opens an institution's name
    "Açıklamayı Prof. Dr. Zelkan Yavaş yaptı. Toplantıdan sonra Bakanlar Kurulu karar aldı.": {
        ("Zelkan Yavaş", "PER"), ("Bakanlar Kurulu", "ORG")},
    # a title in capitals (CEO) is no organisation; the company before it and two clubs are listed ones
    "Dün Tesla CEO'su Zelkan Yavaş konuştu. Fenerbahçe ile Galatasaray bir gün karşılaşacak.": {
        ("Tesla", "ORG"), ("Zelkan Yavaş", "PER"), ("Fenerbahçe", "ORG"), ("Galatasaray", "ORG")},
    # a ministry named by two nouns joined by "ve"; "Maliye" (finance) is no "Mali'ye" (to Mali): a name's case
    # ending follows an apostrophe; an inflected common word opening the sentence is no part of the name
    "Hazine ve Maliye Bakanlığı yeni bir program açıkladı. Açıklamayı Kültür ve Turizm Bakanlığı yaptı.": {
        ("Hazine ve Maliye Bakanlığı", "ORG"), ("Kültür ve Turizm Bakanlığı", "ORG")},
    # a person joined by "ve" stays apart; a listed organisation before a body's name is part of it; "yesterday"
    # opening the sentence is no part of the speaker's name
    "Dün Ahmet Yılmaz ve Dışişleri Bakanlığı açıkladı. Birleşmiş Milletler İnsan Hakları Konseyi toplandı.": {
        ("Ahmet Yılmaz", "PER"), ("Dışişleri Bakanlığı", "ORG"), ("Birleşmiş Milletler İnsan Hakları Konseyi", "ORG")},
    "Dün Mehmet Demir konuştu.": {("Mehmet Demir", "PER")},
    # the lists write Ayşe and Barış in plain letters only (Ayse, Baris); both are common words here ("peace")
    "Emekli öğretmen Ayşe Demir ile Barış Kaya dün konuştu.": {("Ayşe Demir", "PER"), ("Barış Kaya", "PER")},
    # a prosecutor's office, an exchange and a bank named by their place or their own word
    "Ankara Cumhuriyet Başsavcılığı listede geçiyor. Dün Zelmorra Borsası ve Zelmorra Bankası yükseldi.": {
        ("Ankara Cumhuriyet Başsavcılığı", "ORG"), ("Zelmorra Borsası", "ORG"), ("Zelmorra Bankası", "ORG")},
    # before the verb of saying, a body's common first word opening the sentence stays part of its name
    "Milli Kültür Bakanlığı açıkladı. Dün Zelmorra Bakanlığı açıkladı.": {
        ("Milli Kültür Bakanlığı", "ORG"), ("Zelmorra Bakanlığı", "ORG")},
    # a stadium and a palace are places by their head words
    "Maç dün akşam Zelmorra Stadı'nda oynandı. Dün Zelmorra Sarayı'nda tören yapıldı.": {
        ("Zelmorra Stadı'nda", "LOC"), ("Zelmorra Sarayı'nda", "LOC")},
    # a place of two words before a body's name is part of it, as one of one word is
    "Öğrenciler Orta Doğu Zelmorra Üniversitesi önünde toplandı.": {("Orta Doğu Zelmorra Üniversitesi", "ORG")},
    # a compass point written apart names a part of the country; a people's name between a country and a state
    # word makes another state, which takes no id of the country
    "Haritada Kuzey Irak'ta bir nokta var. Kuzey Kıbrıs Türk Cumhuriyeti listede geçiyor.": {
        ("Kuzey Irak'ta", "LOC"), ("Kuzey Kıbrıs Türk Cumhuriyeti", "LOC")},
    # a title of two words ("technical director"): its second word opens no name
    "Dün kulübün Teknik Direktörü Zelkan Yavaş konuştu.": {("Zelkan Yavaş", "PER")},
    # "journalist" is a title, though it starts as "newspaper" (gazete, an organisation's head word) does; the
    # university's own title and the abbreviated ones after it are no part of the university's name
    "Gazeteci Zelkan Yavaş'ın tutuklanması kınandı. Zelmorra Üniversitesi Rektörü Prof. Dr. Zelkan Han konuştu.": {
        ("Zelkan Yavaş'ın", "PER"), ("Zelmorra Üniversitesi", "ORG"), ("Zelkan Han", "PER")},
    # a sports club named by its town and "spor", however often the news names it
    "Listede Zelmorraspor ile Sivasspor var. Maçta Zelmorraspor'un golü iptal edildi.": {
        ("Zelmorraspor", "ORG"), ("Sivasspor", "ORG"), ("Zelmorraspor'un", "ORG")},
    # a village's or fortress's word written onto a name makes it a place's, too small for GeoNames' cities, unless
    # an organisation's head word follows and makes them one; a listed club's Turkish name
    "Harita Zelmorraköy'ü ve Zelkanhisar'ı gösteriyor. Zelmorraköy Belediyesi bir ilan yayımladı. "
    "Listede Bayern Münih var.": {
        ("Zelmorraköy'ü", "LOC"), ("Zelkanhisar'ı", "LOC"), ("Zelmorraköy Belediyesi", "ORG"),
        ("Bayern Münih", "ORG")},
    # given names common in Turkish news that Faker's lists lack, before listed surnames that are common words
    "Listede Ümit Kaya ile Selahattin Demir var.": {("Ümit Kaya", "PER"), ("Selahattin Demir", "PER")},
    # bare "Meclis" in Turkish news is the national parliament, written with a capital; a town's council is its own
    "Meclis'te bir liste okundu. Zelmorra Belediye Meclisi listeyi onayladı.": {
        ("Meclis'te", "ORG"), ("Zelmorra Belediye Meclisi", "ORG")},
    # a word for a kind of place after a name makes it a place's, however common the name (Trabzon) or unknown;
    # a common word opening the sentence stays out of it ("fire")
    "Trabzon kentinde bir sokak haritada görülüyor. Yangın Zelmorra ilçesinde çıktı. Olay Zelmorra köyünde yaşandı.": {
        ("Trabzon", "LOC"), ("Zelmorra", "LOC")},
    # the region's own name after its country, not a state word joined to the country
    "Özbekistan'ın Zelmorra bölgesi haritada görülüyor.": {("Özbekistan'ın", "LOC"), ("Zelmorra", "LOC")},
    # "-oğlu" makes a surname of any word: the pair is a person however common its given name (Ahmet, Zipf 5.4)
    "Dün Ahmet Zelkanoğlu ile Zelkan Zelmorraoğlu görüştü.": {
        ("Ahmet Zelkanoğlu", "PER"), ("Zelkan Zelmorraoğlu", "PER")},
    # a district whose name ends so, "in" it, is no person by its shape (left untyped)
    "Olay Zelkanoğlu'nda yaşandı.": set(),
    # a profession opening the sentence is the title before the name, no part of it
    "Ekonomist Zelkan Kaya, enflasyonun düşeceğini söyledi. Öğretmen Zelkan Yavaş da konuştu.": {
        ("Zelkan Kaya", "PER"), ("Zelkan Yavaş", "PER")},
    # the speaker opens the sentence with a comma, the verb of saying ends it; a common word there is no speaker
    "Zelkan Yavaş, görüşmenin verimli geçtiğini ifade etti. Bakanlık, yeni kararları açıkladı.": {
        ("Zelkan Yavaş", "PER")},
    # the body's own title before its head ("the commission's president") is no part of the body's name, which
    # a listed union before the head word opens; the Kremlin is a listed organisation
    "Avrupa Birliği Komisyonu Başkanı Zelkan Yavaş konuştu. "
    "Zelmorra Bakanlığı Sözcüsü Zelkan Han da Kremlin'i eleştirdi.": {
        ("Avrupa Birliği Komisyonu", "ORG"), ("Zelkan Yavaş", "PER"), ("Zelmorra Bakanlığı", "ORG"),
        ("Zelkan Han", "PER"), ("Kremlin'i", "ORG")},
    # a listed person's surname is also a given name: before another surname it is no longer that person
    "Dün Erdoğan Zelmorralı konuştu.": {("Erdoğan Zelmorralı", "PER")},
    # a surname built as a demonym follows a first name; a place, or a body, before a place word names the place
    "Ekonomist Levent Sarıkamışlı, Kızılay Meydanı'nda ve Konya Ovası'nda konuştu.": {
        ("Levent Sarıkamışlı", "PER"), ("Kızılay Meydanı'nda", "LOC"), ("Konya Ovası'nda", "LOC")},
    # a country's sports federation is an organisation; the Russian Federation is the country
    "Türkiye Futbol Federasyonu, Rusya Federasyonu'na bir mektup gönderdi.": {
        ("Türkiye Futbol Federasyonu", "ORG"), ("Rusya Federasyonu'na", "LOC")},
    # a deputy's title is two words, the second no organisation; a district governor's is one
    "Cumhurbaşkanı Yardımcısı Kemal Zelkanoğlu ile Kaymakam Ali Zelkandere görüştü.": {
        ("Kemal Zelkanoğlu", "PER"), ("Ali Zelkandere", "PER")},
}


@pytest.fixture(scope="module")
def stage() -> EntityStage:
    return EntityStage(use_natasha=False)


@pytest.mark.parametrize("text", list(CASES))
def test_entities_turkish_sentences(stage: EntityStage, text: str) -> None:
    found = {(m.text, m.type) for m in stage.recognise(text, "tr") if m.type in ("PER", "ORG", "LOC")}
    assert found == CASES[text]


def test_entities_turkish_seed_institutions(seeds_dir: Path, stage: EntityStage) -> None:
    text = next(seeds_dir.glob("004_*.txt")).read_text(encoding="utf-8")
    orgs = {m.lemma for m in stage.recognise(text, "tr") if m.type == "ORG"}
    assert {"Kazak Milli Üniversitesi", "Silk Way TV"} <= orgs
    people = {m.text for m in stage.recognise(text, "tr") if m.type == "PER"}
    assert not any("Silk" in p for p in people)


def test_entities_turkish_name_before_a_club_noun_is_an_organisation() -> None:
    from newsweave.stages.entities import EntityStage

    found = {(m.text, m.type) for m in EntityStage(use_natasha=False, use_tagger=False).recognise(
        "Dün akşam Galatasaray kulübü bir açıklama yaptı.", "tr")}
    assert ("Galatasaray", "ORG") in found


def test_entities_turkish_hospitals_missions_court_chambers_and_roles() -> None:
    from newsweave.stages.entities import EntityStage

    stage = EntityStage(use_natasha=False, use_tagger=False)

    def found(text: str) -> set[tuple[str, str]]:
        return {(m.text, m.type) for m in stage.recognise(text, "tr")}

    assert ("Ankara Şehir Hastanesi'ne", "ORG") in found("Yaralılar Ankara Şehir Hastanesi'ne kaldırıldı.")
    # a listed court with its numbered chamber
    assert ("Yargıtay 3. Ceza Dairesi", "ORG") in found("Yargıtay 3. Ceza Dairesi kararı onadı.")
    # a role before the name is no part of it
    assert ("Zelkan Yavaş", "PER") in found("Afet Yönetimi Koordinatörü Zelkan Yavaş açıklama yaptı.")
    # Turkey's geographic regions
    assert ("Karadeniz Bölgesi'nde", "LOC") in found("Karadeniz Bölgesi'nde sağanak bekleniyor.")
    # a frequent word in the genitive opening the sentence is the body's possessor, no part of its name
    assert ("Kamuyu Aydınlatma Platformu'na", "ORG") in found(
        "Şirketin Kamuyu Aydınlatma Platformu'na yaptığı açıklamaya göre kâr arttı.")
    # a list of capitalised words with commas before "ve" belongs to the ministry's name
    assert ("Çevre, Şehircilik ve İklim Değişikliği Bakanlığı", "ORG") in found(
        "Açıklamayı Çevre, Şehircilik ve İklim Değişikliği Bakanlığı yaptı.")


def test_entities_turkish_title_takes_only_its_endings_and_parks_are_places() -> None:
    from newsweave.stages.entities import EntityStage, _is_title_word

    assert _is_title_word("bakanı", "tr") and _is_title_word("cumhurbaşkanının", "tr")
    # a title's letters with other letters after them make other words ("daisy", "sovereignty")
    assert not _is_title_word("papatya", "tr") and not _is_title_word("hakimiyet", "tr")
    found = {(m.text, m.type) for m in EntityStage(use_natasha=False, use_tagger=False).recognise(
        "Konser dün akşam Zelmorra Park'ta yapıldı.", "tr")}
    assert ("Zelmorra Park'ta", "LOC") in found


def test_entities_turkish_commands_magistrates_halls_stations_and_coaches() -> None:
    from newsweave.stages.entities import EntityStage

    stage = EntityStage(use_natasha=False, use_tagger=False)

    def found(text: str) -> set[tuple[str, str]]:
        return {(m.text, m.type) for m in stage.recognise(text, "tr")}

    assert ("Sahil Güvenlik Komutanlığı", "ORG") in found("Sahil Güvenlik Komutanlığı ise arama başlattı.")
    assert ("Zelmorra İl Jandarma Komutanlığı", "ORG") in found(
        "Zelmorra İl Jandarma Komutanlığı, operasyon düzenledi.")
    assert ("Zelmorra Spor Salonu'nda", "LOC") in found("Karşılaşma dün Zelmorra Spor Salonu'nda oynandı.")
    # programmes, airlines and services head bodies; a country before one opens its name
    assert ("Zelmorra Havayolları", "ORG") in found("Yolcular dün Zelmorra Havayolları ile uçtu.")
    assert ("Özbekistan Havayolları", "ORG") in found("Yolcular dün Özbekistan Havayolları ile uçtu.")
    assert ("Zelmorra Kalkınma Programı", "ORG") in found("Rapor dün Zelmorra Kalkınma Programı tarafından yayımlandı.")
    # a head coach's and an associate professor's titles are no part of the name
    assert ("Zelkan Yavaş", "PER") in found("Başantrenör Zelkan Yavaş maçtan sonra konuştu.")
    assert {t for t, ty in found("Hastanenin uzmanı Doç. Dr. Zelkan Yavaş açıklama yaptı.") if ty == "PER"} == {
        "Zelkan Yavaş"}


def test_turkish_untyped_name_in_a_case_of_where_is_a_place() -> None:
    stage = EntityStage(use_natasha=False, use_tagger=False)
    found = {(m.text, m.type) for m in stage.recognise("Başsavcılık, Zelkanlı'da çöken bina için soruşturma başlattı.",
                                                       "tr")}
    assert ("Zelkanlı'da", "LOC") in found
    # a person takes the dative
    assert ("Zelkan'a", "LOC") not in {(m.text, m.type) for m in stage.recognise("Zelkan'a bir mektup geldi.", "tr")}


def test_turkish_sites_and_a_plural_noun_opening_the_sentence() -> None:
    stage = EntityStage(use_natasha=False, use_tagger=False)
    found = {(m.text, m.type) for m in stage.recognise(
        "Kazılar Zelmor Antik Kenti'nde sürüyor. Tırlar Zelmora Sınır Kapısı'nda bekliyor.", "tr")}
    assert {("Zelmor Antik Kenti'nde", "LOC"), ("Zelmora Sınır Kapısı'nda", "LOC")} <= found


def test_turkish_company_opening_with_its_country_and_offices_and_factories() -> None:
    stage = EntityStage(use_natasha=False, use_tagger=False)
    found = {(m.text, m.type) for m in stage.recognise(
        "Türkiye Zelmor Rafinerileri A.Ş. yatırım yaptı. Şirket, Türkiye'de Zelkan Enerji A.Ş. ile anlaştı.", "tr")}
    assert ("Türkiye Zelmor Rafinerileri A.Ş.", "ORG") in found
    # the country with its case ending is where, no part of the name
    assert {("Türkiye'de", "LOC"), ("Zelkan Enerji A.Ş.", "ORG")} <= found
    offices = {(m.text, m.type) for m in stage.recognise("Devlet Zelmor Ofisi alım yaptı.", "tr")}
    assert ("Zelmor Ofisi", "ORG") in offices or ("Devlet Zelmor Ofisi", "ORG") in offices


def test_entities_turkish_a_clubs_abbreviation_ends_its_name() -> None:
    from newsweave.stages.entities import EntityStage

    stage = EntityStage(use_natasha=False, use_tagger=False)
    found = {(m.text, m.type) for m in stage.recognise("Galatasaray dün Zelmor FK ile Zelkow SK'yı yendi.", "tr")}
    assert {("Zelmor FK", "ORG"), ("Zelkow SK", "ORG")} <= found
