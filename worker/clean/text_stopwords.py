"""Small stopword lists (en, fr, de, es, it, pt, nl): data only.

The plain-text classifier reads the share of function words in a line, as jusText does: running prose
is full of them, menus, headline lists and credits are not. The lists are short on purpose: the most
frequent function words of each language are enough to tell a sentence from a label, and one merged set
serves every page without language detection.
"""

from __future__ import annotations

_EN = """
am being both each few here him himself its itself me may might must never now off once other ours own
same should since such those through too under until very where while whom why yet us again against any
before below between down during further how let many much must new nor said says say than through us
upon use used way well whether within without a about after all also an and any are as at be because
been but by can could did do does for from had has have he her his how i if in into is it its just more
most my no not of on one only or our out over she so some than that the their them then there these they
this to up was we were what when which who will with would you your
"""
_FR = """
ai as avons car ceci cela celle celui ces chez comment dont donc elles encore eu fut ici leurs ma mes
moi mon ni notre nos peu peut quand quel quelle quels sera seront si son tous tout toute toutes trop
vers votre vos déjà alors ainsi autre autres avant bien à au aux avec ce ces cette comme dans de des du
elle en est et été il ils je la le les leur lui mais même ne nous on ont ou où par pas plus pour qu que
qui sa sans se ses son sont sur un une vous y été était avait aussi fait très entre après depuis
"""
_DE = """
aber alle allem allen aller alles also andere anderen bereits bin dann darum dass deine dem denn dessen
dies diese diesem diesen dieser dieses dort du er euch hier ihm ihn ihnen ihre ihrem ihren immer jetzt
kein keine man mehr mich mir muss nun ob ohne schon sein seine seinem seinen seiner selbst sehr soll
sollen unter viel vom während weil welche wenn wer wieder will zwischen auch auf aus bei bis das dass
dem den der des die doch durch ein eine einem einen einer es für hat hatte ich ihr im in ist kann mit
nach nicht noch nur oder sich sie sind so über um und uns von vor war wie wir wird werden wurde zu zum
zur als am an
"""
_ES = """
aunque cada desde durante ellos ellas era eran esa ese eso esos estas estos estaba había hasta les mi
mismo nos nosotros otra otro otros porque puede qué quien sea según siempre solo tanto tiene tienen todo
todos tras tu usted a al como con de del el ella en entre es esta este fue ha han la las le les lo los
más muy no o para pero por que se ser si sin sobre su sus también un una uno y ya donde cuando hay está
son
"""
_IT = """
alle agli anche c'è cosa così dei degli dove ed era erano essere gli hai ho loro mentre molto nei nelle
noi ogni perché però poi può qui quella quello questi sempre senza sia solo sul sulla tutti tutto uno
voi a al alla anche che chi come con da dal dalla del della dei delle di e è gli ha hanno il in io la le
lo ma nel nella non per più quando se si sono su sua suo tra un una uno ci questo questa ancora
"""
_PT = """
aos até cada ainda algo assim bem depois desde deve dos ela eles essa esse esta este estão eu isso isto
lhe mesmo muito nem nós onde outra outro pode porque quem seja sempre sobre suas seus tem têm todo todos
vai você a ao aos as com como da das de do dos e é ela ele em entre era foi há mais mas na nas no nos o
os ou para pela pelo por que se sem ser seu sua são também um uma já quando está
"""
_NL = """
al alles andere bent dan daar deze doen dus echter eens ge geen had heb hebben heeft hem hier hoe haar
iets kan kon maar meer men mij mijn moet na nu ons onze reeds toch toen u veel want waren wel werden wie
wij zal zelf zou aan als bij dat de den der die dit door een en er het hij hun ik in is je maar met naar
niet nog of om ook op over te tot uit van voor was wat we werd wordt zich zijn ze zo
"""

STOPWORDS: frozenset[str] = frozenset(" ".join((_EN, _FR, _DE, _ES, _IT, _PT, _NL)).split())
