<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/AboutDialog.cpp" line="+14"/>
        <source>About Enrollee Console</source>
        <translation>À propos d’Enrollee Console</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Application icon</source>
        <translation>Icône de l’application</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h2&gt;Enrollee Console %1&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Enrollee Console %1&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enrollee Console %1</source>
        <translation>Enrollee Console %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A desktop console for Smile ID&apos;s enrollee API: re-enroll, deactivate, reactivate, flag and unflag fraud, and delete user IDs, with a tamper-evident audit trail.

Licence: %1.</source>
        <translation>Une console de bureau pour l’API enrollee de Smile ID&#xa0;: autoriser la réinscription, désactiver, réactiver, signaler comme frauduleux, retirer le signalement de fraude et supprimer des identifiants utilisateur, avec un journal d’audit qui rend toute altération détectable.

Licence&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Version: %1
Qt: %2 (built with %3)
OpenSSL: %4</source>
        <translation>Version&#xa0;: %1
Qt&#xa0;: %2 (compilé avec %3)
OpenSSL&#xa0;: %4</translation>
    </message>
</context>
<context>
    <name>Action</name>
    <message>
        <location filename="../../app/core/action/Action.cpp" line="+13"/>
        <source>Re-enroll</source>
        <translation>Autoriser la réinscription</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>allowed to re-enroll</source>
        <translation>autorisé à se réinscrire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivate</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deactivated</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reactivate</source>
        <translation>Réactiver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reactivated</source>
        <translation>réactivé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flag as fraud</source>
        <translation>Signaler comme frauduleux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flagged as fraudulent</source>
        <translation>signalé comme frauduleux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unflag fraud</source>
        <translation>Retirer le signalement de fraude</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>un-flagged</source>
        <translation>signalement de fraude retiré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deleted permanently</source>
        <translation>supprimé définitivement</translation>
    </message>
</context>
<context>
    <name>ActionCommand</name>
    <message>
        <location filename="../../app/cli/ActionCommand.cpp" line="+27"/>
        <source>%1 a Smile ID enrollee. Options not given come from the default profile (enrollee-cli profile use NAME).</source>
        <translation>Action «&#xa0;%1&#xa0;» sur un inscrit Smile ID. Les options non fournies proviennent du profil par défaut (enrollee-cli profile use NAME).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The action.</source>
        <translation>L’action.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The enrollee&apos;s user_id.</source>
        <translation>Le user_id de l’inscrit.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reason or case reference for the audit trail.</source>
        <translation>Motif ou référence de dossier pour le journal d’audit.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Which user? Usage: enrollee-cli %1 USER_ID [options]</source>
        <translation>Quel utilisateur&#xa0;? Utilisation&#xa0;: enrollee-cli %1 USER_ID [options]</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One user ID per call; unexpected &quot;%1&quot;.</source>
        <translation>Un seul identifiant utilisateur par appel&#xa0;; «&#xa0;%1&#xa0;» inattendu.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>warning: %1</source>
        <translation>avertissement&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 cannot be undone and standard input is not a terminal to confirm it: add --yes. Nothing was sent.</source>
        <translation>%1 est irréversible et l’entrée standard n’est pas un terminal pour le confirmer&#xa0;: ajoutez --yes. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delete user &quot;%1&quot; permanently (%2, %3)? This cannot be undone.
Type the user ID again to confirm: </source>
        <translation>Supprimer définitivement l’utilisateur «&#xa0;%1&#xa0;» (%2, %3)&#xa0;? Cette opération est irréversible.
Saisissez de nouveau l’identifiant utilisateur pour confirmer&#xa0;: </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 user &quot;%2&quot; in %3? Type &quot;yes&quot; to confirm: </source>
        <translation>Action «&#xa0;%1&#xa0;» sur l’utilisateur «&#xa0;%2&#xa0;» (%3)&#xa0;? Tapez «&#xa0;oui&#xa0;» pour confirmer&#xa0;: </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The user ID did not match; nothing was sent.</source>
        <translation>L’identifiant utilisateur ne correspond pas&#xa0;; rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not confirmed; nothing was sent.</source>
        <translation>Non confirmé&#xa0;; rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>attempt %1 failed (%2); retrying in %3 s.</source>
        <translation>échec de la tentative %1 (%2)&#xa0;; nouvel essai dans %3 s.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+77"/>
        <source>Nothing was sent: %1</source>
        <translation>Rien n’a été envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>held: the team&apos;s policy cannot be checked; nothing was sent.</source>
        <translation>retenu&#xa0;: la règle de l’équipe ne peut pas être vérifiée&#xa0;; rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>warning: the outcome could not be written to the history: %1</source>
        <translation>avertissement&#xa0;: le résultat n’a pas pu être écrit dans l’historique&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>warning: %1.</source>
        <translation>avertissement&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The approval request could not be recorded; nothing was sent: %1</source>
        <translation>La demande d’approbation n’a pas pu être enregistrée&#xa0;; rien n’a été envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 of &quot;%2&quot; in %3 needs a second officer: request #%4 recorded, awaiting approval (enrollee-cli approvals approve %4). Nothing was sent.</source>
        <translation>%1 de «&#xa0;%2&#xa0;» en %3 exige un second agent&#xa0;: demande n° %4 enregistrée, en attente d’approbation (enrollee-cli approvals approve %4). Rien n’a été envoyé.</translation>
    </message>
</context>
<context>
    <name>ActionController</name>
    <message>
        <location filename="../../ui/actions/ActionController.cpp" line="+99"/>
        <source>%1 in production?</source>
        <translation>%1 en production&#xa0;?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>You are about to allow user &quot;%1&quot; to re-enroll</source>
        <translation>Vous allez autoriser l’utilisateur « %1 » à se réinscrire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You are about to deactivate user &quot;%1&quot;</source>
        <translation>Vous allez désactiver l’utilisateur « %1 »</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You are about to reactivate user &quot;%1&quot;</source>
        <translation>Vous allez réactiver l’utilisateur « %1 »</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You are about to flag user &quot;%1&quot; as fraudulent</source>
        <translation>Vous allez signaler l’utilisateur « %1 » comme frauduleux</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You are about to lift the fraud flag on user &quot;%1&quot;</source>
        <translation>Vous allez lever le signalement de fraude de l’utilisateur « %1 »</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You are about to delete user &quot;%1&quot; permanently</source>
        <translation>Vous allez supprimer définitivement l’utilisateur « %1 »</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(none given)</source>
        <translation>(aucun motif donné)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 in PRODUCTION (profile &quot;%2&quot;, partner %3). This affects a real person.

Reason: %4

Continue?</source>
        <translation>%1 en PRODUCTION (profil « %2 », partenaire %3). Cela concerne une personne réelle.

Motif : %4

Continuer ?</translation>
    </message>
</context>
<context>
    <name>ActionFeedback</name>
    <message>
        <location filename="../../ui/actions/ActionFeedback.cpp" line="+24"/>
        <source>Waiting for your confirmation of %1 for &quot;%2&quot;; nothing is sent until you answer.</source>
        <translation>En attente de votre confirmation pour « %1 » sur « %2 » ; rien n’est envoyé avant votre réponse.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sending %1 for &quot;%2&quot;…</source>
        <translation>Envoi de l’action «&#xa0;%1&#xa0;» pour «&#xa0;%2&#xa0;»…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 was not sent.</source>
        <translation>L’action «&#xa0;%1&#xa0;» n’a pas été envoyée.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 of &quot;%2&quot; cancelled; nothing was sent.</source>
        <translation>Action «&#xa0;%1&#xa0;» pour «&#xa0;%2&#xa0;» annulée&#xa0;; rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enrollee Console</source>
        <translation>Enrollee Console</translation>
    </message>
</context>
<context>
    <name>ActionPanel</name>
    <message>
        <location filename="../../ui/actions/ActionPanel.cpp" line="+78"/>
        <location line="+22"/>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>&amp;Reason / case reference:</source>
        <translation>&amp;Motif / référence de dossier&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason or case reference</source>
        <translation>Motif ou référence de dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. CASE-1234: duplicate identity</source>
        <translation>p. ex. DOSSIER-1234&#xa0;: identité en double</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recorded in history. Required for Delete and for fraud flags.</source>
        <translation>Consigné dans l’historique. Obligatoire pour Supprimer et pour les signalements de fraude.</translation>
    </message>
    <message>
        <location line="+122"/>
        <source> — needs a reason</source>
        <translation> — motif requis</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>Request in flight</source>
        <translation>Requête en cours</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Re-&amp;enroll</source>
        <translation>&amp;Autoriser la réinscription</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Deactivate</source>
        <translation>&amp;Désactiver</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reactivate</source>
        <translation>&amp;Réactiver</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Flag as fraud</source>
        <translation>&amp;Signaler comme frauduleux</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Unflag fraud</source>
        <translation>Re&amp;tirer le signalement de fraude</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>De&amp;lete…</source>
        <translation>Su&amp;pprimer…</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The reason was cleared because the profile changed: a reason belongs to one user and one profile.</source>
        <translation>Le motif a été effacé car le profil a changé : un motif appartient à un utilisateur et à un profil.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Now using profile &quot;%1&quot; (%2); no action sent with it yet.</source>
        <translation>Profil « %1 » (%2) en service ; aucune action envoyée avec lui pour l’instant.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1 needs a reason: type the case reference here, then press %1 again.</source>
        <translation>L’action «&#xa0;%1&#xa0;» exige un motif&#xa0;: saisissez ici la référence du dossier, puis appuyez de nouveau sur «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The reason was cleared because the user ID changed: a reason belongs to one user and one profile.</source>
        <translation>Le motif a été effacé car l’identifiant a changé : un motif appartient à un utilisateur et à un profil.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No user selected.</source>
        <translation>Aucun utilisateur sélectionné.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Acting on user &quot;%1&quot;</source>
        <translation>Utilisateur ciblé&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>ActionPolicy</name>
    <message>
        <location filename="../../app/core/action/ActionPolicy.cpp" line="+40"/>
        <source>%1 needs a reason or case reference for the audit trail.</source>
        <translation>L’action «&#xa0;%1&#xa0;» exige un motif ou une référence de dossier pour le journal d’audit.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 in %2 must be confirmed first; nothing was sent.</source>
        <translation>%1 en %2 doit d’abord être confirmé&#xa0;; rien n’a été envoyé.</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>The reason &quot;%1&quot; is too short: the rule in the settings asks for at least %n character(s).</source>
        <translation>
            <numerusform>Le motif « %1 » est trop court : la règle des réglages demande au moins %n caractère.</numerusform>
            <numerusform>Le motif « %1 » est trop court : la règle des réglages demande au moins %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The case-reference pattern in the settings (&quot;%1&quot;) is not a valid regular expression; fix it before sending: %2</source>
        <translation>Le modèle de référence de dossier des réglages (« %1 ») n’est pas une expression régulière valide ; corrigez-le avant d’envoyer : %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The reason must contain a case reference matching the pattern &quot;%1&quot; set in the settings.</source>
        <translation>Le motif doit contenir une référence de dossier conforme au modèle « %1 » défini dans les réglages.</translation>
    </message>
</context>
<context>
    <name>ActionReadiness</name>
    <message>
        <location filename="../../ui/actions/ActionReadiness.cpp" line="+22"/>
        <source>Waiting for the keyring to be unlocked… (your desktop may be asking for the keyring&apos;s password)</source>
        <translation>En attente du déverrouillage du trousseau… (votre bureau demande peut-être son mot de passe)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Starting: opening the audit trail…</source>
        <translation>Démarrage&#xa0;: ouverture du journal d’audit…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter a valid user ID to enable the actions.</source>
        <translation>Saisissez un identifiant utilisateur valide pour activer les actions.</translation>
    </message>
</context>
<context>
    <name>ActionRunner</name>
    <message>
        <location filename="../../app/core/action/ActionRunner.cpp" line="+326"/>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <location filename="../../app/core/action/ActionCompletion.cpp" line="+104"/>
        <source>User &quot;%1&quot; %2.</source>
        <translation>Utilisateur «&#xa0;%1&#xa0;»&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of &quot;%2&quot; cancelled while waiting for the answer: the request had been sent, so whether it was applied is unknown.</source>
        <translation>%1 de « %2 » annulé pendant l’attente de la réponse : la requête avait été envoyée, on ne sait donc pas si elle a été appliquée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of &quot;%2&quot; cancelled before it was sent.</source>
        <translation>%1 de « %2 » annulé avant son envoi.</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>[%1 bytes that are not UTF-8 text]</source>
        <translation>[%1 octets qui ne sont pas du texte UTF-8]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>
[... %1 bytes in all]</source>
        <translation>
[... %1 octets au total]</translation>
    </message>
    <message>
        <location filename="../../app/core/action/ActionRunner.cpp" line="-270"/>
        <source>No API key for profile &quot;%1&quot;.</source>
        <translation>Aucune clé d’API pour le profil «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 in %2 needs a second officer&apos;s approval first; nothing was sent.</source>
        <translation>%1 en %2 exige d’abord l’approbation d’un second agent&#xa0;; rien n’a été envoyé.</translation>
    </message>
    <message>
        <location filename="../../app/core/action/ActionCompletion.cpp" line="+47"/>
        <location line="+11"/>
        <source>withdrawn before it was sent</source>
        <translation>retirée avant d’être envoyée</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 of &quot;%2&quot; was not sent: %3</source>
        <translation>%1 de «&#xa0;%2&#xa0;» non envoyé&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of &quot;%2&quot; was not sent: it was withdrawn before its turn.</source>
        <translation>Action «&#xa0;%1&#xa0;» pour «&#xa0;%2&#xa0;» non envoyée&#xa0;: retirée avant son tour.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 of &quot;%2&quot;: outcome unknown, no usable answer came back (%3).</source>
        <translation>%1 de «&#xa0;%2&#xa0;»&#xa0;: résultat inconnu, aucune réponse exploitable n’est revenue (%3).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of &quot;%2&quot; failed: %3</source>
        <translation>Échec de l’action «&#xa0;%1&#xa0;» pour «&#xa0;%2&#xa0;»&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The outcome could not be written to the history yet (%1); it will be written when the history can be written again.</source>
        <translation>Le résultat n’a pas encore pu être écrit dans l’historique (%1)&#xa0;; il le sera dès que l’historique sera de nouveau accessible en écriture.</translation>
    </message>
    <message>
        <location line="-17"/>
        <source> (after %1 attempts)</source>
        <translation> (après %1 tentatives)</translation>
    </message>
</context>
<context>
    <name>ApiResult</name>
    <message>
        <location filename="../../app/core/api/ApiResult.cpp" line="+18"/>
        <source>Smile ID system error</source>
        <translation>Erreur système Smile ID</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>invalid JSON</source>
        <translation>JSON non valide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a parameter has the wrong type</source>
        <translation>un paramètre a un type incorrect</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>not authorized</source>
        <translation>non autorisé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the enrolled user is disabled</source>
        <translation>l’utilisateur inscrit est désactivé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the enrolled user is deleted</source>
        <translation>l’utilisateur inscrit est supprimé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>already enrolled with that user ID</source>
        <translation>déjà inscrit avec cet identifiant utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no enrolled user with that user ID</source>
        <translation>aucun utilisateur inscrit avec cet identifiant utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the user must complete re-enrollment</source>
        <translation>l’utilisateur doit terminer sa réinscription</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>a required parameter is missing</source>
        <translation>un paramètre obligatoire est manquant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>production is not enabled for this partner</source>
        <translation>la production n’est pas activée pour ce partenaire</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This is a fault on Smile ID&apos;s side; try again in a few minutes.</source>
        <translation>Il s’agit d’une panne du côté de Smile ID&#xa0;; réessayez dans quelques minutes.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the API key, the partner ID and that the profile&apos;s environment matches the key (sandbox keys do not work in production). If all are right, check this computer&apos;s clock.</source>
        <translation>Vérifiez la clé d’API, l’identifiant partenaire et que l’environnement du profil correspond à la clé (les clés du bac à sable ne fonctionnent pas en production). Si tout est correct, vérifiez l’horloge de cet ordinateur.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check that the API key belongs to this environment; Smile ID also answers 2204 for a key from the other environment.</source>
        <translation>Vérifiez que la clé d’API appartient bien à cet environnement&#xa0;; Smile ID renvoie aussi le code 2204 pour une clé de l’autre environnement.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check the user ID: Smile ID has no enrolled user with it in this environment.</source>
        <translation>Vérifiez l’identifiant utilisateur&#xa0;: Smile ID n’a aucun utilisateur inscrit sous cet identifiant dans cet environnement.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The user was deleted; nothing more can be done to this user ID.</source>
        <translation>L’utilisateur a été supprimé&#xa0;; plus aucune action n’est possible sur cet identifiant utilisateur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reactivate the user first.</source>
        <translation>Réactivez d’abord l’utilisateur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask Smile ID to enable production for your partner account, or use the sandbox.</source>
        <translation>Demandez à Smile ID d’activer la production pour votre compte partenaire, ou utilisez le bac à sable.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request was malformed; please report this with the details below.</source>
        <translation>La requête était mal formée&#xa0;; veuillez signaler ce problème en joignant les détails ci-dessous.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>HTTP %1: accepted</source>
        <translation>HTTP %1&#xa0;: requête acceptée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP %1: accepted, but %2</source>
        <translation>HTTP %1&#xa0;: requête acceptée, mais %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, code %1</source>
        <translation>, code %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No answer from the server: %1</source>
        <translation>Aucune réponse du serveur&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Secure connection failed: %1</source>
        <translation>Échec de la connexion sécurisée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Network error: %1</source>
        <translation>Erreur réseau&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not sent: %1</source>
        <translation>Non envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This computer&apos;s clock is %1 seconds behind the server&apos;s</source>
        <translation>L’horloge de cet ordinateur retarde de %1 secondes sur celle du serveur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer&apos;s clock is %1 seconds ahead of the server&apos;s</source>
        <translation>L’horloge de cet ordinateur avance de %1 secondes sur celle du serveur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, and signatures carry the time: set the clock right (enable network time), then try again.</source>
        <translation>, or les signatures sont horodatées&#xa0;: remettez l’horloge à l’heure (activez la synchronisation de l’heure par le réseau), puis réessayez.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The connection broke after the request was sent: the action may have been applied. Check before repeating it.</source>
        <translation>La connexion a été interrompue après l’envoi de la requête&#xa0;: l’action a peut-être été appliquée. Vérifiez avant de la répéter.</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Smile ID is rate-limiting this account; wait a little and try again.</source>
        <translation>Smile ID limite le débit des requêtes de ce compte&#xa0;; patientez un peu, puis réessayez.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server had a problem; try again in a few minutes.</source>
        <translation>Le serveur a rencontré un problème&#xa0;; réessayez dans quelques minutes.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the base URL: the server does not know this endpoint.</source>
        <translation>Vérifiez l’URL de base&#xa0;: le serveur ne connaît pas ce point de terminaison.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The action may or may not have been applied. Check your connection, then look the user up in the Smile ID portal before repeating it.</source>
        <translation>L’action a pu être appliquée ou non. Vérifiez votre connexion, puis recherchez l’utilisateur dans le portail Smile ID avant de la répéter.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server&apos;s certificate could not be trusted, so nothing was sent. Check the base URL and any proxy that intercepts HTTPS; the console never ignores certificate errors.</source>
        <translation>Le certificat du serveur n’a pas pu être validé&#xa0;: rien n’a donc été envoyé. Vérifiez l’URL de base et tout proxy qui intercepterait le HTTPS&#xa0;; la console n’ignore jamais les erreurs de certificat.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing reached the server. Check the network connection and the base URL.</source>
        <translation>Rien n’a atteint le serveur. Vérifiez la connexion réseau et l’URL de base.</translation>
    </message>
</context>
<context>
    <name>AppSettings</name>
    <message>
        <location filename="../../app/core/settings/AppSettings.cpp" line="+24"/>
        <source>%1 was readable by other users; it is now private to you.</source>
        <translation>%1 était lisible par d’autres utilisateurs&#xa0;; il vous est désormais réservé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is readable by other users and could not be made private; fix its permissions.</source>
        <translation>%1 est lisible par d’autres utilisateurs et n’a pas pu vous être réservé&#xa0;; corrigez ses permissions.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The settings file could not be read; it was moved to %1 and defaults are in use.</source>
        <translation>Le fichier de paramètres n’a pas pu être lu&#xa0;; il a été déplacé vers %1 et les valeurs par défaut sont utilisées.</translation>
    </message>
</context>
<context>
    <name>ApprovalDecisionDialog</name>
    <message>
        <location filename="../../ui/team/ApprovalDecisionDialog.cpp" line="+51"/>
        <source>Once you approve it, %1 can send this request. Check what it does:</source>
        <translation>Une fois la demande approuvée, %1 pourra l’envoyer. Vérifiez ce qu’elle fait&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Once you deny it, this request can no longer be sent.</source>
        <translation>Une fois refusée, cette demande ne pourra plus être envoyée.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Requested by:</source>
        <translation>Demandée par&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their reason:</source>
        <translation>Son motif&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none given)</source>
        <translation>(aucun motif donné)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action:</source>
        <translation>Action&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bulk run:</source>
        <translation>Traitement par lot&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 (%n row(s))</source>
        <translation>
            <numerusform>%1 (%n ligne)</numerusform>
            <numerusform>%1 (%n lignes)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User ID:</source>
        <translation>Identifiant utilisateur&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Environment:</source>
        <translation>Environnement&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host:</source>
        <translation>Hôte&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Profile:</source>
        <translation>Profil&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A delete cannot be undone: the user&apos;s enrollment is removed at Smile ID.</source>
        <translation>Une suppression est irréversible&#xa0;: l’inscription de l’utilisateur est effacée chez Smile ID.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Why you approve it (required)</source>
        <translation>Pourquoi vous l’approuvez (obligatoire)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why you deny it (required)</source>
        <translation>Pourquoi vous la refusez (obligatoire)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required: a case reference or a short note</source>
        <translation>Obligatoire&#xa0;: une référence de dossier ou une courte note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why you approve it:</source>
        <translation>Pourquoi vous l’approuvez&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why you deny it:</source>
        <translation>Pourquoi vous la refusez&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deny</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Approve request #%1</source>
        <translation>Approuver la demande n°&#xa0;%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deny request #%1</source>
        <translation>Refuser la demande n°&#xa0;%1</translation>
    </message>
</context>
<context>
    <name>ApprovalsCommand</name>
    <message>
        <location filename="../../app/cli/ApprovalsCommand.cpp" line="+19"/>
        <source>Four-eyes requests in the team trail.
  approvals list [--json]              pending and approved requests not yet run
  approvals approve ID [--reason TEXT] approve another officer&apos;s request
  approvals deny ID --reason TEXT      deny another officer&apos;s request
  approvals run ID                     send your approved request, exactly once</source>
        <translation>Demandes à double validation (quatre yeux) dans le journal d’équipe.
  approvals list [--json]              demandes en attente et approuvées pas encore exécutées
  approvals approve ID [--reason TEXT] approuver la demande d’un autre agent
  approvals deny ID --reason TEXT      refuser la demande d’un autre agent
  approvals run ID                     envoyer votre demande approuvée, une seule fois</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The command.</source>
        <translation>La commande.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list, approve, deny or run.</source>
        <translation>list, approve, deny ou run.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why (kept in the trail).</source>
        <translation>Pourquoi (conservé dans le journal).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Usage: enrollee-cli approvals list | approve ID | deny ID --reason TEXT | run ID</source>
        <translation>Utilisation&#xa0;: enrollee-cli approvals list | approve ID | deny ID --reason TEXT | run ID</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A denial needs --reason TEXT.</source>
        <translation>Un refus exige --reason TEXT.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown approvals command &quot;%1&quot;.</source>
        <translation>Commande approvals inconnue «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No team trail is connected (enrollee-cli team connect --conninfo ...).</source>
        <translation>Aucun journal d’équipe n’est connecté (enrollee-cli team connect --conninfo ...).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No requests are waiting.</source>
        <translation>Aucune demande en attente.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>bulk run %1 (%n row(s))</source>
        <translation>
            <numerusform>traitement par lot %1 (%n ligne)</numerusform>
            <numerusform>traitement par lot %1 (%n lignes)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>#%1  %2  %3 %4  by %5  until %6  %7</source>
        <translation>#%1  %2  %3 %4  par %5  jusqu’au %6  %7</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Request #%1 approved; its requester can now run it.</source>
        <translation>Demande n° %1 approuvée&#xa0;; son auteur peut maintenant l’exécuter.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request #%1 denied.</source>
        <translation>Demande n° %1 refusée.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Request #%1 names an unknown action.</source>
        <translation>La demande n° %1 désigne une action inconnue.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>request #%1 is bulk run %2: resuming it.</source>
        <translation>la demande n° %1 est le traitement par lot %2&#xa0;: reprise.</translation>
    </message>
</context>
<context>
    <name>ApprovalsModel</name>
    <message>
        <location filename="../../ui/team/ApprovalsModel.cpp" line="+45"/>
        <source>awaiting a second officer</source>
        <translation>en attente d’un second agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>approved, not sent yet</source>
        <translation>approuvée, pas encore envoyée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>denied</source>
        <translation>refusée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sent</source>
        <translation>envoyée</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>bulk run %1 (%n row(s))</source>
        <translation>
            <numerusform>traitement par lot %1 (%n ligne)</numerusform>
            <numerusform>traitement par lot %1 (%n lignes)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User ID</source>
        <translation>Identifiant utilisateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requested by</source>
        <translation>Demandée par</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>ApprovalsPanel</name>
    <message>
        <location filename="../../ui/team/ApprovalsPanel.cpp" line="+32"/>
        <source>Requests awaiting a second officer</source>
        <translation>Demandes en attente d’un second agent</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Approve…</source>
        <translation>Approuver…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deny…</source>
        <translation>Refuser…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send now</source>
        <translation>Envoyer maintenant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approvals message</source>
        <translation>Message des approbations</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The requests could not be read: %1</source>
        <translation>Les demandes n’ont pas pu être lues&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>An approval needs a reason; request #%1 was not approved.</source>
        <translation>Une approbation exige un motif&#xa0;; la demande n°&#xa0;%1 n’a pas été approuvée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A denial needs a reason; request #%1 was not denied.</source>
        <translation>Un refus exige un motif&#xa0;; la demande n°&#xa0;%1 n’a pas été refusée.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Request #%1 was not approved: %2</source>
        <translation>La demande n°&#xa0;%1 n’a pas été approuvée&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request #%1 was not denied: %2</source>
        <translation>La demande n°&#xa0;%1 n’a pas été refusée&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request #%1 approved; its requester can now send it.</source>
        <translation>Demande n°&#xa0;%1 approuvée&#xa0;; son auteur peut maintenant l’envoyer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request #%1 denied; nothing will be sent.</source>
        <translation>Demande n°&#xa0;%1 refusée&#xa0;; rien ne sera envoyé.</translation>
    </message>
</context>
<context>
    <name>AuditKey</name>
    <message>
        <location filename="../../app/core/history/AuditKey.cpp" line="+56"/>
        <source>the file %1</source>
        <translation>le fichier %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file %1 (no keychain: %2)</source>
        <translation>le fichier %1 (pas de trousseau de clés&#xa0;: %2)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The history already has records, but its chain key is in neither the keychain nor %1: a new key would start a second chain that no check can join to the first. Restore the key (the keychain entry &quot;%2&quot; or the file) first, or move the history folder aside to start a new history.</source>
        <translation>L’historique contient déjà des enregistrements, mais sa clé de chaînage n’est ni dans le trousseau de clés ni dans %1&#xa0;: une nouvelle clé commencerait une seconde chaîne qu’aucun contrôle ne pourrait relier à la première. Restaurez d’abord la clé (l’entrée «&#xa0;%2&#xa0;» du trousseau ou le fichier), ou déplacez le dossier de l’historique pour commencer un nouvel historique.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The history&apos;s chain key cannot be reached (%1), and the history already has records: a new key would start a second chain that no check can join to the first. Run where the keychain is reachable, restore %2, or move the history folder aside to start a new history.</source>
        <translation>La clé de chaînage de l’historique est inaccessible (%1), et l’historique contient déjà des enregistrements&#xa0;: une nouvelle clé commencerait une seconde chaîne qu’aucun contrôle ne pourrait relier à la première. Exécutez là où le trousseau de clés est accessible, restaurez %2, ou déplacez le dossier de l’historique pour commencer un nouvel historique.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The chain key file %1 cannot be read; it was left as it is.</source>
        <translation>Le fichier de clé de chaînage %1 est illisible&#xa0;; il a été laissé tel quel.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No random chain key could be made.</source>
        <translation>Impossible de générer une clé de chaînage aléatoire.</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>The keychain cannot be reached (%1): the chain key may still be in it, so it is not lost. Begin a new key epoch where the keychain is reachable, or with --without-keychain on a computer that has none.</source>
        <translation>Le trousseau de clés est inaccessible (%1)&#xa0;: la clé de chaînage s’y trouve peut-être encore, elle n’est donc pas perdue. Commencez une nouvelle période de clé là où le trousseau est accessible, ou avec --without-keychain sur un ordinateur qui n’en a pas.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No chain key is in the keychain or in %1.</source>
        <translation>Aucune clé de chaînage dans le trousseau de clés ni dans %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No chain key is in %1, and the keychain cannot be reached (%2).</source>
        <translation>Aucune clé de chaînage dans %1, et le trousseau de clés est inaccessible (%2).</translation>
    </message>
    <message>
        <location line="-170"/>
        <source>the keychain</source>
        <translation>le trousseau de clés</translation>
    </message>
</context>
<context>
    <name>BulkApprovalGate</name>
    <message>
        <location filename="../../app/core/approvals/BulkApprovalGate.cpp" line="+52"/>
        <location line="+15"/>
        <source>Nothing was sent: %1</source>
        <translation>Rien n’a été envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Awaiting a second officer&apos;s approval of the run as a whole.</source>
        <translation>En attente de l’approbation du traitement entier par un second agent.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The approval request could not be recorded; nothing was sent: %1</source>
        <translation>La demande d’approbation n’a pas pu être enregistrée&#xa0;; rien n’a été envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Awaiting a second officer&apos;s approval of request #%1.</source>
        <translation>En attente de l’approbation de la demande n° %1 par un second agent.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Run %1 (%n row(s)) is recorded as request #%2, awaiting approval (enrollee-cli approvals approve %2); once approved, send it with enrollee-cli approvals run %2. Nothing was sent.</source>
        <translation>
            <numerusform>Le traitement %1 (%n ligne) est enregistré comme demande n° %2, en attente d’approbation (enrollee-cli approvals approve %2)&#xa0;; une fois approuvé, envoyez-le avec enrollee-cli approvals run %2. Rien n’a été envoyé.</numerusform>
            <numerusform>Le traitement %1 (%n lignes) est enregistré comme demande n° %2, en attente d’approbation (enrollee-cli approvals approve %2)&#xa0;; une fois approuvé, envoyez-le avec enrollee-cli approvals run %2. Rien n’a été envoyé.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Nothing was sent.</source>
        <translation>Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The run file of %1 changed after request #%2 was made: it no longer matches what was approved. %3</source>
        <translation>Le fichier du traitement %1 a changé après la demande n° %2&#xa0;: il ne correspond plus à ce qui a été approuvé. %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Request #%1 for run %2 still awaits a second officer&apos;s approval. %3</source>
        <translation>La demande n° %1 pour le traitement %2 attend toujours l’approbation d’un second agent. %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Request #%1 for run %2 was %3 by %4 (%5). %6</source>
        <translation>La demande n° %1 pour le traitement %2 a été traitée (%3) par %4 (%5). %6</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Request #%1 could not be claimed: %2 %3</source>
        <translation>La demande n° %1 n’a pas pu être réclamée&#xa0;: %2 %3</translation>
    </message>
</context>
<context>
    <name>BulkBrakes</name>
    <message numerus="yes">
        <location filename="../../app/core/bulk/BulkBrakes.cpp" line="+42"/>
        <source>%n rows in a row were refused with %1 (%2); the rest would fail the same way.</source>
        <translation>
            <numerusform>%n ligne a été refusée avec %1 (%2)&#xa0;; le reste échouerait de la même façon.</numerusform>
            <numerusform>%n lignes d’affilée ont été refusées avec %1 (%2)&#xa0;; le reste échouerait de la même façon.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing answers at %1 (%2). The run is paused; resume it once the server can be reached.</source>
        <translation>Rien ne répond à l’adresse %1 (%2). Le traitement est en pause&#xa0;; reprenez-le une fois le serveur joignable.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The canary rows are done.</source>
        <translation>Les lignes témoins sont terminées.</translation>
    </message>
</context>
<context>
    <name>BulkCommand</name>
    <message>
        <location filename="../../app/cli/BulkCommand.cpp" line="+23"/>
        <source>Usage: enrollee-cli bulk ACTION --input FILE [options] | list | show RUN_ID | resume RUN_ID | retry RUN_ID</source>
        <translation>Utilisation&#xa0;: enrollee-cli bulk ACTION --input FILE [options] | list | show RUN_ID | resume RUN_ID | retry RUN_ID</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>--%1 takes a number from %2 to %3.</source>
        <translation>--%1 attend un nombre de %2 à %3.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 every user ID in a file: a CSV with a header (the user_id column, or --column; an optional reason column overrides --reason) or one ID per line. Every row is checked first and nothing is sent when the input is unusable; --dry-run stops after the check (exit 2 when a row has a problem). In production --confirm-count N must match the valid rows, and --canary N (default 5 there) sends N rows and asks before the rest (--yes goes on when they all succeeded).</source>
        <translation>%1 chaque identifiant utilisateur d’un fichier&#xa0;: un CSV avec en-tête (la colonne user_id, ou --column&#xa0;; une colonne reason facultative remplace --reason) ou un identifiant par ligne. Chaque ligne est d’abord vérifiée et rien n’est envoyé si l’entrée est inutilisable&#xa0;; --dry-run s’arrête après la vérification (code de sortie 2 si une ligne pose problème). En production, --confirm-count N doit correspondre au nombre de lignes valides, et --canary N (5 par défaut dans ce cas) envoie N lignes puis demande confirmation avant le reste (--yes poursuit si elles ont toutes réussi).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The command.</source>
        <translation>La commande.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file of user IDs.</source>
        <translation>Le fichier des identifiants utilisateur.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+12"/>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>The CSV column of user IDs (default user_id).</source>
        <translation>La colonne CSV des identifiants utilisateur (user_id par défaut).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason or case reference for every row.</source>
        <translation>Motif ou référence de dossier pour chaque ligne.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the input and send nothing.</source>
        <translation>Vérifier l’entrée sans rien envoyer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests per second (default 5; 0 = unlimited).</source>
        <translation>Requêtes par seconde (5 par défaut&#xa0;; 0 = illimité).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+2"/>
        <location line="+4"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Requests in flight (default 4).</source>
        <translation>Requêtes simultanées (4 par défaut).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send N rows first and ask before the rest (default 5 in production).</source>
        <translation>Envoyer d’abord N lignes et demander avant le reste (5 par défaut en production).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The results file (CSV, or JSON when it ends in .json).</source>
        <translation>Le fichier de résultats (CSV, ou JSON s’il se termine par .json).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The number of valid rows, as a confirmation.</source>
        <translation>Le nombre de lignes valides, en guise de confirmation.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>bulk ACTION takes its rows from --input FILE, not from arguments.</source>
        <translation>bulk ACTION prend ses lignes dans --input FILE, pas dans les arguments.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which rows? Add --input FILE.</source>
        <translation>Quelles lignes&#xa0;? Ajoutez --input FILE.</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+17"/>
        <source>Nothing was sent.</source>
        <translation>Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>line %1: %2</source>
        <translation>ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No valid rows; nothing was sent.</source>
        <translation>Aucune ligne valide&#xa0;; rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Dry run, nothing was sent: %1 rows, %2 valid, %3 not sent (problems above); %4 in %5.</source>
        <translation>Essai à blanc, rien n’a été envoyé&#xa0;: %1 lignes, %2 valides, %3 non envoyées (problèmes ci-dessus)&#xa0;; %4 en %5.</translation>
    </message>
</context>
<context>
    <name>BulkCommandBase</name>
    <message>
        <location filename="../../app/cli/BulkCommandBase.cpp" line="+17"/>
        <source>warning: %1</source>
        <translation>avertissement&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>BulkConfirmDialog</name>
    <message>
        <location filename="../../ui/bulk/BulkConfirmDialog.cpp" line="+17"/>
        <source>Type the number of rows (%1) to confirm:</source>
        <translation>Saisissez le nombre de lignes (%1) pour confirmer&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Number of rows</source>
        <translation>Nombre de lignes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start run</source>
        <translation>Démarrer le lot</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>That is not the number of rows that will be sent (%1).</source>
        <translation>Ce n’est pas le nombre de lignes qui seront envoyées (%1).</translation>
    </message>
</context>
<context>
    <name>BulkInput</name>
    <message>
        <location filename="../../app/core/bulk/BulkInput.cpp" line="+30"/>
        <source>The input has more than %L1 rows; split it into several runs.</source>
        <translation>L’entrée compte plus de %L1 lignes&#xa0;; répartissez-la en plusieurs traitements.</translation>
    </message>
    <message>
        <location line="+159"/>
        <source>The input is not UTF-8 text (line %1); save it as UTF-8 and try again.</source>
        <translation>L’entrée n’est pas du texte UTF-8 (ligne %1)&#xa0;; enregistrez-la en UTF-8 et réessayez.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>blank</source>
        <translation>vide</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The input has no rows.</source>
        <translation>L’entrée ne contient aucune ligne.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The header (line 1) has no column &quot;%1&quot;.</source>
        <translation>L’en-tête (ligne 1) n’a pas de colonne «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>duplicate of line %1</source>
        <translation>doublon de la ligne %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The input has a header but no data rows.</source>
        <translation>L’entrée a un en-tête mais aucune ligne de données.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+16"/>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>%1 is larger than %2 MiB; split it into several runs.</source>
        <translation>%1 dépasse %2 Mio&#xa0;; répartissez-le en plusieurs traitements.</translation>
    </message>
</context>
<context>
    <name>BulkInputForm</name>
    <message>
        <location filename="../../ui/bulk/BulkInputForm.cpp" line="+31"/>
        <source>&amp;Open file…</source>
        <translation>&amp;Ouvrir un fichier…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open a file of user IDs</source>
        <translation>Ouvrir un fichier d’identifiants utilisateur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Input file</source>
        <translation>Fichier d’entrée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User IDs</source>
        <translation>Identifiants utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste user IDs here, one per line, or a CSV with a header (user_id, and optionally reason), or open a file.</source>
        <translation>Collez ici les identifiants utilisateur, un par ligne, ou un CSV avec en-tête (user_id, et éventuellement reason), ou ouvrez un fichier.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Action:</source>
        <translation>&amp;Action&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action for every row</source>
        <translation>Action pour chaque ligne</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>R&amp;eason:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Reason or case reference</source>
        <translation>Motif ou référence de dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A reason column in the list overrides it per row.</source>
        <translation>Une colonne de motif dans la liste le remplace ligne par ligne.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV column of the user IDs</source>
        <translation>Colonne CSV des identifiants utilisateur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ra&amp;te:</source>
        <translation>Débi&amp;t&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests per second</source>
        <translation>Requêtes par seconde</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no limit</source>
        <translation>illimité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> per second</source>
        <translation> par seconde</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1. User IDs</source>
        <translation>1. Identifiants</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Co&amp;lumn:</source>
        <translation>Colo&amp;nne&#xa0;:</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Open a list of user IDs</source>
        <translation>Ouvrir une liste d’identifiants utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV or text files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV ou texte (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>BulkLauncher</name>
    <message>
        <location filename="../../ui/bulk/BulkLauncher.cpp" line="+27"/>
        <location line="+54"/>
        <location line="+2"/>
        <location line="+11"/>
        <location line="+7"/>
        <source>Bulk run</source>
        <translation>Traitement par lot</translation>
    </message>
    <message>
        <location line="-73"/>
        <location line="+74"/>
        <source>This run belongs to profile &quot;%1&quot;. Switch to it (with its API key) first.</source>
        <translation>Ce lot appartient au profil «&#xa0;%1&#xa0;». Basculez d’abord sur ce profil (avec sa clé d’API).</translation>
    </message>
    <message numerus="yes">
        <location line="-67"/>
        <source>%1 %n user(s) in %2, profile &quot;%3&quot; (%4): %5.</source>
        <translation>
            <numerusform>%1 %n utilisateur en %2, profil «&#xa0;%3&#xa0;» (%4)&#xa0;: %5.</numerusform>
            <numerusform>%1 %n utilisateurs en %2, profil «&#xa0;%3&#xa0;» (%4)&#xa0;: %5.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PRODUCTION: real people&apos;s records change.</source>
        <translation>PRODUCTION&#xa0;: les dossiers de personnes réelles sont modifiés.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The first %n row(s) go first; the run then waits for you to check them.</source>
        <translation>
            <numerusform>La première ligne part en premier&#xa0;; le lot attend ensuite que vous la vérifiiez.</numerusform>
            <numerusform>Les %n premières lignes partent en premier&#xa0;; le lot attend ensuite que vous les vérifiiez.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm bulk run</source>
        <translation>Confirmer le traitement par lot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The run was not started; nothing was sent.</source>
        <translation>Le lot n’a pas été démarré&#xa0;; rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Once another officer has approved it (in their Approvals tab), select run %1 below and click Resume.</source>
        <translation>Une fois la demande approuvée par un autre agent (dans son onglet Approbations), sélectionnez le traitement %1 ci-dessous et cliquez sur Reprendre.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The run could not be saved; nothing was sent: %1</source>
        <translation>Le lot n’a pas pu être enregistré&#xa0;; rien n’a été envoyé&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>BulkPanel</name>
    <message>
        <location filename="../../ui/bulk/BulkPanel.cpp" line="+60"/>
        <source>&amp;Check (dry run)</source>
        <translation>&amp;Vérifier (à blanc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check every row; nothing is sent</source>
        <translation>Vérifier chaque ligne&#xa0;; rien n’est envoyé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start run…</source>
        <translation>&amp;Démarrer le lot…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start the bulk run</source>
        <translation>Démarrer le traitement par lot</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the check found</source>
        <translation>Résultat de la vérification</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Nothing checked yet.</source>
        <translation>Rien n’a encore été vérifié.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>2. Check</source>
        <translation>2. Vérification</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>3. Run</source>
        <translation>3. Exécution</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>4. Results</source>
        <translation>4. Résultats</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The window was closed.</source>
        <translation>La fenêtre a été fermée.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Cancel bulk run %1?</source>
        <translation>Annuler le traitement par lot %1&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>No row not yet sent (%n) will be sent, and the run cannot be resumed; the rows in flight are answered first. Failed rows can still be retried.</source>
        <translation>
            <numerusform>La ligne pas encore envoyée (%n) ne le sera pas, et le traitement ne pourra pas être repris&#xa0;; les lignes en cours reçoivent d’abord leur réponse. Les lignes en échec pourront encore être réessayées.</numerusform>
            <numerusform>Aucune des %n lignes pas encore envoyées ne le sera, et le traitement ne pourra pas être repris&#xa0;; les lignes en cours reçoivent d’abord leur réponse. Les lignes en échec pourront encore être réessayées.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel the run</source>
        <translation>Annuler le traitement</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The active profile has no API key or partner ID to send with.</source>
        <translation>Le profil actif n’a pas de clé d’API ou d’identifiant partenaire à envoyer.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>line %1: %2</source>
        <translation>ligne %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n row(s) checked: </source>
        <translation>
            <numerusform>%n ligne vérifiée&#xa0;: </numerusform>
            <numerusform>%n lignes vérifiées&#xa0;: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n to send</source>
        <translation>
            <numerusform>%n à envoyer</numerusform>
            <numerusform>%n à envoyer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n will not be sent</source>
        <translation>
            <numerusform>%n ne sera pas envoyée</numerusform>
            <numerusform>%n ne seront pas envoyées</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was sent.</source>
        <translation>Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; …</source>
        <translation>&#xa0;; …</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No row can be sent: every row has a problem (see the table).</source>
        <translation>Aucune ligne ne peut être envoyée&#xa0;: chaque ligne pose un problème (voir le tableau).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>new run</source>
        <translation>nouveau lot</translation>
    </message>
    <message>
        <location line="-154"/>
        <location line="+170"/>
        <location line="+14"/>
        <location line="+10"/>
        <location line="+32"/>
        <source>Bulk run</source>
        <translation>Traitement par lot</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Run %1 has no rows to retry: its retries or later actions did them.</source>
        <translation>Le lot %1 n’a aucune ligne à relancer&#xa0;: ses relances ou des actions ultérieures les ont faites.</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>resuming run %1, %n row(s) left to send (rows already sent are not sent again)</source>
        <translation>
            <numerusform>reprise du traitement %1, %n ligne restant à envoyer (les lignes déjà envoyées ne le sont pas une seconde fois)</numerusform>
            <numerusform>reprise du traitement %1, %n lignes restant à envoyer (les lignes déjà envoyées ne le sont pas une seconde fois)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Bulk run %1 finished: %2</source>
        <translation>Traitement par lot %1 terminé&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bulk run finished</source>
        <translation>Traitement par lot terminé</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>a retry of the failed and unknown rows of run %1</source>
        <translation>une relance des lignes en échec et inconnues du lot %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a retry of the failed rows of run %1</source>
        <translation>une relance des lignes en échec du lot %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Run %1 is %2: there is nothing to resume.</source>
        <translation>Le lot %1 est à l’état %2&#xa0;: il n’y a rien à reprendre.</translation>
    </message>
</context>
<context>
    <name>BulkPlan</name>
    <message numerus="yes">
        <location filename="../../app/core/bulk/BulkPlan.cpp" line="+185"/>
        <source>%n of these were already %1 by this console (history).</source>
        <translation>
            <numerusform>%n de ces utilisateurs a déjà été traité par cette console (%1&#xa0;; historique).</numerusform>
            <numerusform>%n de ces utilisateurs ont déjà été traités par cette console (%1&#xa0;; historique).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Run %1 is being sent by process %2: retry once it has ended or paused. Nothing was sent.</source>
        <translation>Le lot %1 est en cours d’envoi par le processus %2&#xa0;: relancez-le une fois terminé ou mis en pause. Rien n’a été envoyé.</translation>
    </message>
</context>
<context>
    <name>BulkProgressView</name>
    <message>
        <location filename="../../ui/bulk/BulkProgressView.cpp" line="+38"/>
        <source>Run state</source>
        <translation>État du lot</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run progress</source>
        <translation>Progression du lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counts</source>
        <translation>Décompte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rate and time left</source>
        <translation>Débit et temps restant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pause the run</source>
        <translation>Mettre le lot en pause</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+98"/>
        <location line="+29"/>
        <source>Res&amp;ume</source>
        <translation>Reprendr&amp;e</translation>
    </message>
    <message>
        <location line="-127"/>
        <source>Resume the run</source>
        <translation>Reprendre le lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cance&amp;l run…</source>
        <translation>Ann&amp;uler le lot…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel the run</source>
        <translation>Annuler le lot</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Paused by the officer.</source>
        <translation>Mis en pause par l’agent.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Run %1: %2, profile %3.</source>
        <translation>Lot %1&#xa0;: %2, profil %3.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The server asked to slow down (%1): the whole run waits %2 s.</source>
        <translation>Le serveur a demandé de ralentir (%1)&#xa0;: tout le lot attend %2 s.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The run stopped: %1</source>
        <translation>Le lot s’est arrêté&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Canary: the first rows were sent. Check their results below, then go on or cancel.</source>
        <translation>Témoin&#xa0;: les premières lignes ont été envoyées. Vérifiez leurs résultats ci-dessous, puis poursuivez ou annulez.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Run cancelled.</source>
        <translation>Lot annulé.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run finished.</source>
        <translation>Lot terminé.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 done, %2 already so, %3 failed, %4 unknown, %5 waiting, %6 sending</source>
        <translation>%1 réussies, %2 déjà dans cet état, %3 en échec, %4 inconnues, %5 en attente, %6 en cours d’envoi</translation>
    </message>
    <message>
        <location line="-146"/>
        <location line="+120"/>
        <source>&amp;Go on</source>
        <translation>Poursuivr&amp;e</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>No run yet: check a list, then start the run. Nothing is sent before you confirm.</source>
        <translation>Aucun traitement pour l’instant&#xa0;: vérifiez une liste, puis lancez le traitement. Rien n’est envoyé avant votre confirmation.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Run %1: %2, profile %3, %4.</source>
        <translation>Traitement %1&#xa0;: %2, profil %3, %4.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Reading the history before sending…</source>
        <translation>Lecture de l’historique avant l’envoi…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+31"/>
        <source>Sending.</source>
        <translation>Envoi en cours.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Resumed: reading the history again before sending…</source>
        <translation>Repris&#xa0;: nouvelle lecture de l’historique avant l’envoi…</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Cancelling: waiting for the answers to %n row(s) in flight; no new row is sent.</source>
        <translation>
            <numerusform>Annulation&#xa0;: attente de la réponse à %n ligne en cours&#xa0;; aucune nouvelle ligne n’est envoyée.</numerusform>
            <numerusform>Annulation&#xa0;: attente des réponses aux %n lignes en cours&#xa0;; aucune nouvelle ligne n’est envoyée.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Paused: %1</source>
        <translation>En pause&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 done, %2 already so, %3 failed, %4 unknown, %5 not sent, %6 sending</source>
        <translation>%1 réussies, %2 déjà dans cet état, %3 en échec, %4 inconnues, %5 non envoyées, %6 en cours d’envoi</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 rows/s</source>
        <translation>%1 lignes/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 rows/s, about %2 left</source>
        <translation>%1 lignes/s, environ %2 restantes</translation>
    </message>
</context>
<context>
    <name>BulkRecord</name>
    <message>
        <location filename="../../app/core/bulk/BulkRecord.cpp" line="+51"/>
        <source>not sent: %1</source>
        <translation>non envoyée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not sent: the run stopped before this row</source>
        <translation>non envoyée&#xa0;: le lot s’est arrêté avant cette ligne</translation>
    </message>
    <message>
        <location line="+210"/>
        <source>The run file of %1 was altered: it no longer matches the digest it was made with.</source>
        <translation>Le fichier du traitement %1 a été modifié&#xa0;: il ne correspond plus à l’empreinte avec laquelle il a été créé.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The run file of %1 was altered after the run started: it no longer matches the digest in history record #%2.</source>
        <translation>Le fichier du lot %1 a été modifié après le démarrage du lot&#xa0;: il ne correspond plus à l’empreinte de l’enregistrement d’historique n° %2.</translation>
    </message>
</context>
<context>
    <name>BulkReport</name>
    <message>
        <location filename="../../app/cli/BulkReport.cpp" line="+27"/>
        <source>%1 succeeded, %2 already so, %3 failed, %4 unknown, %5 not sent</source>
        <translation>%1 réussies, %2 déjà dans cet état, %3 en échec, %4 inconnues, %5 non envoyées</translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>%n rows</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No bulk runs yet.</source>
        <translation>Aucun traitement par lot pour l’instant.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Run %1: %2, %3 (%4), %5</source>
        <translation>Lot %1&#xa0;: %2, %3 (%4), %5</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Retries run %1.</source>
        <translation>Relance du lot %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused: %1</source>
        <translation>En pause&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input: %1 (SHA-256 %2)</source>
        <translation>Entrée&#xa0;: %1 (SHA-256 %2)</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n rows: </source>
        <translation>
            <numerusform>%n ligne&#xa0;: </numerusform>
            <numerusform>%n lignes&#xa0;: </numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>line %1 (%2): %3: %4</source>
        <translation>ligne %1 (%2)&#xa0;: %3&#xa0;: %4</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>... and %n more; see the results file.</source>
        <translation>
            <numerusform>... et %n autre&#xa0;; voir le fichier de résultats.</numerusform>
            <numerusform>... et %n autres&#xa0;; voir le fichier de résultats.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkResults</name>
    <message>
        <location filename="../../app/core/bulk/BulkResults.cpp" line="+148"/>
        <source>the results file %1</source>
        <translation>le fichier de résultats %1</translation>
    </message>
</context>
<context>
    <name>BulkResultsView</name>
    <message>
        <location filename="../../ui/bulk/BulkResultsView.cpp" line="+30"/>
        <source>What the table of rows shows</source>
        <translation>Ce que montre le tableau des lignes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sho&amp;w only problems</source>
        <translation>N’afficher &amp;que les problèmes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only rows with a problem</source>
        <translation>N’afficher que les lignes qui posent problème</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open results &amp;file</source>
        <translation>Ouvrir le &amp;fichier de résultats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the results file</source>
        <translation>Ouvrir le fichier de résultats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry &amp;failed…</source>
        <translation>Réessayer les é&amp;checs…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Retry the failed rows</source>
        <translation>Réessayer les lignes en échec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>and unknown</source>
        <translation>et les inconnues</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also retry rows whose outcome is unknown</source>
        <translation>Réessayer aussi les lignes dont l’issue est inconnue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown rows may have been carried out already: retry them only after checking.</source>
        <translation>Les lignes inconnues ont peut-être déjà été traitées&#xa0;: ne les réessayez qu’après vérification.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows of the run</source>
        <translation>Lignes du traitement</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Paste or open a list of user IDs, then check it: its rows show here.</source>
        <translation>Collez ou ouvrez une liste d’identifiants utilisateur, puis vérifiez-la&#xa0;: ses lignes s’affichent ici.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Checked input: %n row(s), nothing sent.</source>
        <translation>
            <numerusform>Liste vérifiée&#xa0;: %n ligne, rien d’envoyé.</numerusform>
            <numerusform>Liste vérifiée&#xa0;: %n lignes, rien d’envoyé.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rows of run %1</source>
        <translation>Lignes du traitement %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Rows of run %1 (%2)</source>
        <translation>Lignes du traitement %1 (%2)</translation>
    </message>
</context>
<context>
    <name>BulkRowModel</name>
    <message>
        <location filename="../../ui/bulk/BulkRowModel.cpp" line="+183"/>
        <location line="+3"/>
        <location line="+17"/>
        <source>Not sent</source>
        <translation>Non envoyée</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+17"/>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+15"/>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+13"/>
        <source>Done</source>
        <translation>Réussie</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+11"/>
        <source>Already so</source>
        <translation>Déjà fait</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+9"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+7"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User ID</source>
        <translation>Identifiant utilisateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
</context>
<context>
    <name>BulkRowsFile</name>
    <message>
        <location filename="../../app/core/bulk/BulkRowsFile.cpp" line="+48"/>
        <source>The rows file of run %1 (%2) %3; nothing of it is sent.</source>
        <translation>Le fichier des lignes du lot %1 (%2) %3&#xa0;; rien n’en est envoyé.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot be read (%1)</source>
        <translation>ne peut pas être lu (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing</source>
        <translation>est manquant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is shorter than its header says</source>
        <translation>est plus court que ne l’indique son en-tête</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>ends in a cut or overlong line (row %1)</source>
        <translation>se termine par une ligne coupée ou trop longue (ligne %1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>has a damaged line (row %1)</source>
        <translation>contient une ligne endommagée (ligne %1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>holds more rows than its header says (%1)</source>
        <translation>contient plus de lignes que ne l’indique son en-tête (%1)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>holds %1 rows where its header says %2</source>
        <translation>contient %1 lignes là où son en-tête en indique %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>was altered: it no longer matches the SHA-256 its run&apos;s header records</source>
        <translation>a été modifié&#xa0;: il ne correspond plus au SHA-256 consigné dans l’en-tête de son lot</translation>
    </message>
</context>
<context>
    <name>BulkRun</name>
    <message>
        <location filename="../../app/core/bulk/BulkRun.cpp" line="+231"/>
        <source>Paused by the officer.</source>
        <translation>Mis en pause par l’agent.</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>The run file could not be saved (%1); the last one saved is intact. Resume once there is space.</source>
        <translation>Le fichier du traitement n’a pas pu être enregistré (%1)&#xa0;; le dernier enregistré est intact. Reprenez une fois de la place libérée.</translation>
    </message>
</context>
<context>
    <name>BulkRunList</name>
    <message>
        <location filename="../../ui/bulk/BulkRunList.cpp" line="+23"/>
        <source>Earlier runs</source>
        <translation>Lots précédents</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No run yet</source>
        <translation>Aucun traitement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Earlier ru&amp;ns:</source>
        <translation>Traite&amp;ments précédents&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Resume run…</source>
        <translation>&amp;Reprendre le lot…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume the chosen run</source>
        <translation>Reprendre le lot choisi</translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>%1 — %2, %n row(s), %3, started %4</source>
        <translation>
            <numerusform>%1 — %2, %n ligne, %3, commencé le %4</numerusform>
            <numerusform>%1 — %2, %n lignes, %3, commencé le %4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkRunLock</name>
    <message>
        <location filename="../../app/core/bulk/BulkRunLock.cpp" line="+27"/>
        <source>Run %1 is %2 already.</source>
        <translation>Le traitement %1 est déjà %2.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Another retry of run %1 is being planned or sent; retry once it has ended. Nothing was sent.</source>
        <translation>Une autre relance du lot %1 est en préparation ou en cours d’envoi&#xa0;; relancez quand elle sera terminée. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Run %1 is being sent by another process (pid %2).</source>
        <translation>Le traitement %1 est en cours d’envoi par un autre processus (pid %2).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the lock of run %1</source>
        <translation>le verrou du traitement %1</translation>
    </message>
</context>
<context>
    <name>BulkRunsCommand</name>
    <message>
        <location filename="../../app/cli/BulkRunsCommand.cpp" line="+26"/>
        <source>Unknown command on runs: %1</source>
        <translation>Commande inconnue pour les lots&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bulk runs, newest first: id, action, state, total and per-outcome counts.</source>
        <translation>Traitements par lot, du plus récent au plus ancien&#xa0;: identifiant, action, état, total et nombre par résultat.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <location line="+42"/>
        <location line="+32"/>
        <source>The command.</source>
        <translation>La commande.</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>One bulk run: its counts (succeeded, already, failed, unknown, not_sent) and rows.</source>
        <translation>Un traitement par lot&#xa0;: ses nombres (succeeded, already, failed, unknown, not_sent) et ses lignes.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Which run? Usage: enrollee-cli bulk show RUN_ID [--json]</source>
        <translation>Quel lot&#xa0;? Utilisation&#xa0;: enrollee-cli bulk show RUN_ID [--json]</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Continue an interrupted or paused bulk run: rows never sent are sent; rows sent without an answer stay unknown (retry them with bulk retry RUN_ID --unknown).</source>
        <translation>Poursuivre un traitement par lot interrompu ou en pause&#xa0;: les lignes jamais envoyées sont envoyées&#xa0;; celles envoyées sans réponse restent inconnues (relancez-les avec bulk retry RUN_ID --unknown).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Which run? Usage: enrollee-cli bulk resume RUN_ID [--yes]</source>
        <translation>Quel lot&#xa0;? Utilisation&#xa0;: enrollee-cli bulk resume RUN_ID [--yes]</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Run %1 is running in process %2.</source>
        <translation>Le lot %1 est en cours d’exécution dans le processus %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run %1 is %2; retry its failed rows with enrollee-cli bulk retry %1.</source>
        <translation>Le lot %1 est à l’état %2&#xa0;; relancez ses lignes en échec avec enrollee-cli bulk retry %1.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A new bulk run of the rows of RUN_ID that failed (only those refused with --codes, if given) and, with --unknown, of those whose outcome is unknown. It is linked to the first run.</source>
        <translation>Un nouveau traitement par lot des lignes de RUN_ID en échec (seulement celles refusées avec --codes, s’il est indiqué) et, avec --unknown, de celles dont le résultat est inconnu. Il est lié au premier lot.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only rows refused with these codes.</source>
        <translation>Seulement les lignes refusées avec ces codes.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>C1,C2</source>
        <translation>C1,C2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also the rows whose outcome is unknown.</source>
        <translation>Également les lignes dont le résultat est inconnu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new run&apos;s results file.</source>
        <translation>Le fichier de résultats du nouveau lot.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Which run? Usage: enrollee-cli bulk retry RUN_ID [--codes C1,C2]</source>
        <translation>Quel lot&#xa0;? Utilisation&#xa0;: enrollee-cli bulk retry RUN_ID [--codes C1,C2]</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+4"/>
        <location line="+7"/>
        <source>Nothing was sent.</source>
        <translation>Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Run %1 has no rows to retry.</source>
        <translation>Le lot %1 n’a aucune ligne à relancer.</translation>
    </message>
</context>
<context>
    <name>BulkSendLog</name>
    <message>
        <location filename="../../app/core/bulk/BulkSendLog.cpp" line="+42"/>
        <source>the send log %1</source>
        <translation>le journal d’envoi %1</translation>
    </message>
</context>
<context>
    <name>BulkSession</name>
    <message>
        <location filename="../../app/cli/BulkSession.cpp" line="+47"/>
        <location line="+55"/>
        <location line="+85"/>
        <source>Nothing was sent.</source>
        <translation>Rien n’a été envoyé.</translation>
    </message>
    <message numerus="yes">
        <location line="-136"/>
        <source>--confirm-count %1 does not match the %n valid rows.</source>
        <translation>
            <numerusform>--confirm-count %1 ne correspond pas à la %n ligne valide.</numerusform>
            <numerusform>--confirm-count %1 ne correspond pas aux %n lignes valides.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In production a bulk run needs --confirm-count N, N being the number of valid rows (%1).</source>
        <translation>En production, un traitement par lot exige --confirm-count N, N étant le nombre de lignes valides (%1).</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%1 of %n users needs a confirmation and standard input is not a terminal: add --yes or --confirm-count %n.</source>
        <translation>
            <numerusform>%1 de %n utilisateur exige une confirmation et l’entrée standard n’est pas un terminal&#xa0;: ajoutez --yes ou --confirm-count %n.</numerusform>
            <numerusform>%1 de %n utilisateurs exige une confirmation et l’entrée standard n’est pas un terminal&#xa0;: ajoutez --yes ou --confirm-count %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%1 %n users in %2 (profile %3, %4)? Type the number of rows (%n) to confirm: </source>
        <translation>
            <numerusform>%1 %n utilisateur en %2 (profil %3, %4)&#xa0;? Saisissez le nombre de lignes (%n) pour confirmer&#xa0;: </numerusform>
            <numerusform>%1 %n utilisateurs en %2 (profil %3, %4)&#xa0;? Saisissez le nombre de lignes (%n) pour confirmer&#xa0;: </numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The count did not match; nothing was sent.</source>
        <translation>Le nombre ne correspond pas&#xa0;; rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Nothing was sent: %1</source>
        <translation>Rien n’a été envoyé&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+60"/>
        <source>run %1: %2 of %n rows to send (%3, profile %4); results in %5</source>
        <translation>
            <numerusform>lot %1&#xa0;: %2 sur %n ligne à envoyer (%3, profil %4)&#xa0;; résultats dans %5</numerusform>
            <numerusform>lot %1&#xa0;: %2 sur %n lignes à envoyer (%3, profil %4)&#xa0;; résultats dans %5</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the server asked to slow down (%1): the whole run waits %2 s.</source>
        <translation>le serveur a demandé de ralentir (%1)&#xa0;: tout le lot attend %2 s.</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Stopped with %n rows in flight; they are unknown now.</source>
        <translation>
            <numerusform>Arrêté avec %n ligne en cours&#xa0;; son résultat est désormais inconnu.</numerusform>
            <numerusform>Arrêté avec %n lignes en cours&#xa0;; leur résultat est désormais inconnu.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>pausing: waiting for %n rows in flight (again to stop at once).</source>
        <translation>
            <numerusform>mise en pause&#xa0;: attente de %n ligne en cours (recommencez pour arrêter immédiatement).</numerusform>
            <numerusform>mise en pause&#xa0;: attente de %n lignes en cours (recommencez pour arrêter immédiatement).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interrupted.</source>
        <translation>Interrompu.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Run %1 paused: %2</source>
        <translation>Lot %1 en pause&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resume with: enrollee-cli bulk resume %1</source>
        <translation>Pour reprendre&#xa0;: enrollee-cli bulk resume %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>canary: %1</source>
        <translation>témoin&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run %1 is paused; go on with: enrollee-cli bulk resume %1</source>
        <translation>Le lot %1 est en pause&#xa0;; poursuivez avec&#xa0;: enrollee-cli bulk resume %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not every canary row succeeded. </source>
        <translation>Les lignes témoins n’ont pas toutes réussi. </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Go on with the other %n rows? Type &quot;yes&quot;: </source>
        <translation>
            <numerusform>Poursuivre avec %n autre ligne&#xa0;? Tapez «&#xa0;oui&#xa0;»&#xa0;: </numerusform>
            <numerusform>Poursuivre avec les %n autres lignes&#xa0;? Tapez «&#xa0;oui&#xa0;»&#xa0;: </numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Run %1 %2: %3. Results: %4</source>
        <translation>Lot %1 (%2)&#xa0;: %3. Résultats&#xa0;: %4</translation>
    </message>
</context>
<context>
    <name>BulkStore</name>
    <message>
        <location filename="../../app/core/bulk/BulkStore.cpp" line="+63"/>
        <source>The results file %1 %2.</source>
        <translation>Le fichier de résultats %1 %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>is a folder</source>
        <translation>est un dossier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is in a folder that does not exist</source>
        <translation>est dans un dossier qui n’existe pas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>is the input file</source>
        <translation>est le fichier d’entrée</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>is a run file</source>
        <translation>est un fichier de traitement</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The run file of %1 was read without its rows; it is not saved.</source>
        <translation>Le fichier du lot %1 a été lu sans ses lignes&#xa0;; il n’est pas enregistré.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The rows file of run %1 is missing.</source>
        <translation>Le fichier des lignes du lot %1 est manquant.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The run file of %1 counts %2 valid rows where its rows file has %3.</source>
        <translation>Le fichier du lot %1 compte %2 lignes valides là où son fichier des lignes en a %3.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&quot;%1&quot; is not a run id.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un identifiant de lot.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No run %1 in %2.</source>
        <translation>Aucun lot %1 dans %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The run file %1 is damaged.</source>
        <translation>Le fichier de lot %1 est endommagé.</translation>
    </message>
</context>
<context>
    <name>BulkTab</name>
    <message>
        <location filename="../../ui/bulk/BulkTab.cpp" line="+27"/>
        <source>Opening bulk runs…</source>
        <translation>Ouverture des traitements par lot…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+18"/>
        <source>&amp;Bulk</source>
        <translation>&amp;Lots</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Close during a bulk run?</source>
        <translation>Fermer pendant un traitement par lot&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Bulk run %1 is paused while you decide (%n row(s) to go). Closing keeps it paused: it can be resumed from the Bulk tab or with &quot;enrollee-cli bulk resume %1&quot;, and no row already sent is sent again. Keeping the window resumes it.</source>
        <translation>
            <numerusform>Le traitement par lot %1 est en pause le temps de votre décision (%n ligne restante). Fermer le laisse en pause&#xa0;: il pourra être repris depuis l’onglet Lots ou avec «&#xa0;enrollee-cli bulk resume %1&#xa0;», et aucune ligne déjà envoyée ne le sera une seconde fois. Garder la fenêtre le reprend.</numerusform>
            <numerusform>Le traitement par lot %1 est en pause le temps de votre décision (%n lignes restantes). Fermer le laisse en pause&#xa0;: il pourra être repris depuis l’onglet Lots ou avec «&#xa0;enrollee-cli bulk resume %1&#xa0;», et aucune ligne déjà envoyée ne le sera une seconde fois. Garder la fenêtre le reprend.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pause and close</source>
        <translation>Mettre en pause et fermer</translation>
    </message>
</context>
<context>
    <name>CliApplication</name>
    <message>
        <location filename="../../app/cli/CliApplication.cpp" line="+23"/>
        <source>Usage: enrollee-cli COMMAND [options]   (enrollee-cli COMMAND --help for its options)

Manage Smile ID enrollees (POST /api/v2/partner/enrollee) from scripts and terminals.

Commands:
  ACTION USER_ID [options]   one action on one user; ACTION is one of:
                             %1
  bulk ACTION --input FILE [--dry-run] [--rate N] [--concurrency N] [--results FILE] ...
                             ACTION on every user ID in FILE: checked first, throttled,
                             resumable, with a results file
  bulk list|show RUN_ID|resume RUN_ID|retry RUN_ID [--codes C1,C2] [--unknown]
                             bulk runs: their counts and rows; go on; retry failed rows
  sign --partner-id ID       print a request signature and timestamp as JSON
  history [--user-id ID] [--json] [--verify]
                             the audit trail, newest first; --verify checks its hash chain
  profile list|add|remove|use|set-key
                             saved profiles; API keys go to the keychain
  sandbox [--port N] ...     serve the local Smile ID sandbox in the foreground
  team init|connect|status|disconnect|policy
                             the team&apos;s shared audit trail on PostgreSQL
  approvals list|approve|deny|run
                             four-eyes requests: another officer approves, the requester runs

Options:
  -h, --help                 this help
  -v, --version              the version

</source>
        <translation>Utilisation&#xa0;: enrollee-cli COMMAND [options]   (enrollee-cli COMMAND --help pour ses options)

Gérer les inscrits Smile ID (POST /api/v2/partner/enrollee) depuis des scripts et des terminaux.

Commandes&#xa0;:
  ACTION USER_ID [options]   une action sur un utilisateur&#xa0;; ACTION est l’une de&#xa0;:
                             %1
  bulk ACTION --input FILE [--dry-run] [--rate N] [--concurrency N] [--results FILE] ...
                             ACTION sur chaque identifiant de FILE&#xa0;: vérifié d’abord, débit limité,
                             reprenable, avec un fichier de résultats
  bulk list|show RUN_ID|resume RUN_ID|retry RUN_ID [--codes C1,C2] [--unknown]
                             traitements par lot&#xa0;: décomptes et lignes&#xa0;; reprise&#xa0;; relance des échecs
  sign --partner-id ID       afficher une signature de requête et son horodatage en JSON
  history [--user-id ID] [--json] [--verify]
                             le journal d’audit, du plus récent au plus ancien&#xa0;; --verify contrôle sa chaîne d’empreintes
  profile list|add|remove|use|set-key
                             profils enregistrés&#xa0;; les clés d’API vont dans le trousseau de clés
  sandbox [--port N] ...     servir le bac à sable Smile ID local au premier plan
  team init|connect|status|disconnect|policy
                             le journal d’audit partagé de l’équipe sur PostgreSQL
  approvals list|approve|deny|run
                             demandes à double validation&#xa0;: un autre agent approuve, le demandeur exécute

Options&#xa0;:
  -h, --help                 cette aide
  -v, --version              la version

</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>which command? Run &quot;enrollee-cli --help&quot;.</source>
        <translation>quelle commande&#xa0;? Exécutez «&#xa0;enrollee-cli --help&#xa0;».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown command or action &quot;%1&quot;; run &quot;enrollee-cli --help&quot;.</source>
        <translation>commande ou action inconnue «&#xa0;%1&#xa0;»&#xa0;; exécutez «&#xa0;enrollee-cli --help&#xa0;».</translation>
    </message>
</context>
<context>
    <name>CliOptions</name>
    <message>
        <location filename="../../app/cli/CliOptions.cpp" line="+22"/>
        <source>Argument %1 (the value of %2, &quot;%3&quot;) is not valid UTF-8 text; nothing was sent. Retype it.</source>
        <translation>L’argument %1 (la valeur de %2, «&#xa0;%3&#xa0;») n’est pas du texte UTF-8 valide&#xa0;; rien n’a été envoyé. Saisissez-le de nouveau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Argument %1 (&quot;%2&quot;) is not valid UTF-8 text; nothing was sent. Retype it.</source>
        <translation>L’argument %1 («&#xa0;%2&#xa0;») n’est pas du texte UTF-8 valide&#xa0;; rien n’a été envoyé. Saisissez-le de nouveau.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 was given an empty value; give one, or leave the option out for its default.</source>
        <translation>%1 a reçu une valeur vide&#xa0;; donnez-en une, ou omettez l’option pour utiliser sa valeur par défaut.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Smile ID partner ID (leading zeros are kept).</source>
        <translation>Identifiant partenaire Smile ID (les zéros de tête sont conservés).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Operator email address recorded with the action.</source>
        <translation>Adresse e-mail de l’opérateur, enregistrée avec l’action.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ADDR</source>
        <translation>ADDR</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>sandbox, production or local (this computer&apos;s sandbox).</source>
        <translation>sandbox, production ou local (le bac à sable de cet ordinateur).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ENV</source>
        <translation>ENV</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Origin to send to instead of the environment&apos;s host, e.g. http://127.0.0.1:8787.</source>
        <translation>Origine à laquelle envoyer les requêtes au lieu de l’hôte de l’environnement, p. ex. http://127.0.0.1:8787.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signing scheme: signature (current) or sec_key (legacy).</source>
        <translation>Méthode de signature&#xa0;: signature (actuelle) ou sec_key (ancienne).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SCHEME</source>
        <translation>SCHEME</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Read the API key from this file (first line).</source>
        <translation>Lire la clé d’API dans ce fichier (première ligne).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Print the result as JSON.</source>
        <translation>Afficher le résultat au format JSON.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Do not ask for confirmation (required for delete when input is not a terminal).</source>
        <translation>Ne pas demander de confirmation (obligatoire pour delete lorsque l’entrée n’est pas un terminal).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>--%1: an API key is never accepted as a command-line argument (other users can read it); set SMILEID_API_KEY or use --api-key-file PATH.</source>
        <translation>--%1&#xa0;: une clé d’API n’est jamais acceptée comme argument de ligne de commande (les autres utilisateurs peuvent la lire)&#xa0;; définissez SMILEID_API_KEY ou utilisez --api-key-file PATH.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unknown signing scheme &quot;%1&quot;: use signature or sec_key.</source>
        <translation>Méthode de signature inconnue «&#xa0;%1&#xa0;»&#xa0;: utilisez signature ou sec_key.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unknown environment &quot;%1&quot;: use sandbox, production or local.</source>
        <translation>Environnement inconnu «&#xa0;%1&#xa0;»&#xa0;: utilisez sandbox, production ou local.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exit status:
  0  the server accepted the action (or the command succeeded)
  1  internal error
  2  bad command line or input; nothing was sent
  3  the server refused the action
  4  network problem, timeout or TLS error (the action may or may not have been applied)
  5  history, settings or keychain problem, or the history check failed
  6  not confirmed; nothing was sent
  7  recorded as a request awaiting a second officer&apos;s approval, or held because the team&apos;s policy cannot be checked; nothing was sent</source>
        <translation>Code de sortie&#xa0;:
  0  le serveur a accepté l’action (ou la commande a réussi)
  1  erreur interne
  2  ligne de commande ou entrée incorrecte&#xa0;; rien n’a été envoyé
  3  le serveur a refusé l’action
  4  problème réseau, délai dépassé ou erreur TLS (l’action a pu être appliquée ou non)
  5  problème d’historique, de réglages ou de trousseau de clés, ou échec du contrôle de l’historique
  6  non confirmé&#xa0;; rien n’a été envoyé
  7  enregistré comme demande en attente de l’approbation d’un second agent, ou retenu parce que la règle de l’équipe ne peut pas être vérifiée&#xa0;; rien n’a été envoyé</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The API key comes from the SMILEID_API_KEY environment variable, or --api-key-file PATH, or the keychain entry of the profile (see &quot;enrollee-cli profile set-key&quot;); never from an argument.</source>
        <translation>La clé d’API provient de la variable d’environnement SMILEID_API_KEY, de --api-key-file PATH ou de l’entrée du profil dans le trousseau de clés (voir «&#xa0;enrollee-cli profile set-key&#xa0;»)&#xa0;; jamais d’un argument.</translation>
    </message>
</context>
<context>
    <name>ClientCall</name>
    <message>
        <location filename="../../app/core/api/EnrolleeClient.cpp" line="+191"/>
        <source>no complete answer within %1 seconds</source>
        <translation>aucune réponse complète en %1 secondes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no progress for %1 seconds</source>
        <translation>aucune progression depuis %1 secondes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1; the request was sent, so whether it was applied is unknown</source>
        <translation>%1&#xa0;; la requête a été envoyée, on ne sait donc pas si elle a été appliquée</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the server sent only an interim answer (HTTP %1); whether the action was applied is unknown</source>
        <translation>le serveur n’a envoyé qu’une réponse intermédiaire (HTTP %1)&#xa0;; on ne sait pas si l’action a été appliquée</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the transfer broke off: %1</source>
        <translation>le transfert s’est interrompu&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the JSON body stops before its end</source>
        <translation>le corps JSON s’arrête avant sa fin</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the answer (HTTP %1) broke off before its end; whether the action was applied is unknown</source>
        <translation>la réponse (HTTP %1) s’est interrompue avant sa fin&#xa0;; on ne sait pas si l’action a été appliquée</translation>
    </message>
</context>
<context>
    <name>Command</name>
    <message>
        <location filename="../../app/cli/Command.cpp" line="+25"/>
        <source>Run &quot;enrollee-cli %1 --help&quot; for the options.</source>
        <translation>Exécutez «&#xa0;enrollee-cli %1 --help&#xa0;» pour connaître les options.</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <location filename="../../app/core/settings/CredentialStore.cpp" line="+47"/>
        <source>the keychain did not answer within %1 s (it may be locked and asking for its password where no one can see it)</source>
        <translation>le trousseau de clés n’a pas répondu en %1 s (il est peut-être verrouillé et demande son mot de passe là où personne ne le voit)</translation>
    </message>
</context>
<context>
    <name>DeleteConfirmDialog</name>
    <message>
        <location filename="../../ui/actions/DeleteConfirmDialog.cpp" line="+17"/>
        <source>Delete user permanently</source>
        <translation>Supprimer définitivement l’utilisateur</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PRODUCTION: this deletes a real person&apos;s enrollment at Smile ID.</source>
        <translation>PRODUCTION&#xa0;: cette opération supprime l’inscription d’une personne réelle chez Smile ID.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Deleting permanently removes the user ID &quot;%1&quot; and all its enrollment information at Smile ID; this cannot be undone. The user ID is then free to be used again. Smile ID recommends re-enrolling a user instead of deleting them wherever possible.

Type the user ID exactly to confirm.</source>
        <translation>La suppression retire définitivement l’identifiant « %1 » et toutes ses données d’inscription chez Smile ID ; elle est irréversible. L’identifiant peut ensuite être réutilisé. Smile ID recommande de réinscrire un utilisateur plutôt que de le supprimer chaque fois que c’est possible.

Saisissez l’identifiant exactement pour confirmer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete explanation</source>
        <translation>Explication de la suppression</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type the user ID to confirm</source>
        <translation>Saisissez l’identifiant utilisateur pour confirmer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the user ID (pasting is disabled)</source>
        <translation>Saisissez l’identifiant utilisateur (le collage est désactivé)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete permanently</source>
        <translation>Supprimer définitivement</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel delete</source>
        <translation>Annuler la suppression</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>(none given)</source>
        <translation>(aucun motif donné)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Environment: %1 (%2)
Profile: %3 (partner %4)
User: %5
Reason: %6</source>
        <translation>Environnement : %1 (%2)
Profil : %3 (partenaire %4)
Utilisateur : %5
Motif : %6</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Keep typing: this is the start of &quot;%1&quot;.</source>
        <translation>Continuez : c’est le début de « %1 ».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This does not match &quot;%1&quot; (letter case and spaces count).</source>
        <translation>Cela ne correspond pas à « %1 » (majuscules et espaces comptent).</translation>
    </message>
</context>
<context>
    <name>DesktopNotifier</name>
    <message>
        <location filename="../../ui/DesktopNotifier.cpp" line="+20"/>
        <source>Enrollee Console</source>
        <translation>Enrollee Console</translation>
    </message>
</context>
<context>
    <name>EnrolleeClient</name>
    <message>
        <location filename="../../app/core/api/EnrolleeClient.cpp" line="+7"/>
        <source>the server closed the connection without answering</source>
        <translation>le serveur a fermé la connexion sans répondre</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>plain HTTP is only allowed to this computer; %1 needs https://</source>
        <translation>le HTTP simple n’est autorisé que vers cet ordinateur&#xa0;; %1 nécessite https://</translation>
    </message>
</context>
<context>
    <name>EnrolleeEndpoint</name>
    <message>
        <location filename="../../app/sandbox/EnrolleeEndpoint.cpp" line="+68"/>
        <source>Invalid JSON: %1 at byte %2.</source>
        <translation>JSON non valide&#xa0;: %1 à l’octet %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invalid JSON: the body must be a JSON object.</source>
        <translation>JSON non valide&#xa0;: le corps doit être un objet JSON.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Parameter %1 must be %2.</source>
        <translation>Le paramètre %1 doit être %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a string</source>
        <translation>une chaîne</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a boolean (true or false)</source>
        <translation>un booléen (true ou false)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>an integer (unix seconds) with sec_key</source>
        <translation>un entier (secondes Unix) avec sec_key</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an ISO 8601 string with signature</source>
        <translation>une chaîne ISO 8601 avec signature</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>signature (or sec_key)</source>
        <translation>signature (ou sec_key)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missing parameter: %1.</source>
        <translation>Paramètre manquant&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Missing parameter: one action flag (allow_new_enroll, active, is_fraudulent or delete).</source>
        <translation>Paramètre manquant&#xa0;: un indicateur d’action (allow_new_enroll, active, is_fraudulent ou delete).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only one action per request; this one has %1.</source>
        <translation>Une seule action par requête&#xa0;; celle-ci en contient %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Parameter %1 can only be true.</source>
        <translation>Le paramètre %1 ne peut valoir que true.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This is a local sandbox: it refuses production requests (environment &quot;production&quot;). Nothing was changed. Use a profile whose environment is local or sandbox.</source>
        <translation>Ceci est un bac à sable local&#xa0;: il refuse les requêtes de production (environnement «&#xa0;production&#xa0;»). Rien n’a été modifié. Utilisez un profil dont l’environnement est local ou sandbox.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Parameter environment must be &quot;test&quot; or &quot;production&quot;.</source>
        <translation>Le paramètre environment doit valoir «&#xa0;test&#xa0;» ou «&#xa0;production&#xa0;».</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Enrolled user %1 has been deleted.</source>
        <translation>L’utilisateur inscrit %1 a été supprimé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No enrolled user found with user_id %1.</source>
        <translation>Aucun utilisateur inscrit trouvé avec le user_id %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>You are not authorized to do that</source>
        <translation>Vous n’êtes pas autorisé à effectuer cette opération</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>: partner_id %1 is not this sandbox&apos;s partner.</source>
        <translation>&#xa0;: le partner_id %1 n’est pas celui du partenaire de ce bac à sable.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>: the sec_key does not match this partner&apos;s key.</source>
        <translation>&#xa0;: la sec_key ne correspond pas à la clé de ce partenaire.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Parameter timestamp must be an ISO 8601 date and time.</source>
        <translation>Le paramètre timestamp doit être une date et une heure ISO 8601.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>: the signature does not match this partner&apos;s API key.</source>
        <translation>&#xa0;: la signature ne correspond pas à la clé d’API de ce partenaire.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>: the timestamp is %1 seconds behind the server&apos;s clock (at most %2 allowed).</source>
        <translation>&#xa0;: l’horodatage retarde de %1 secondes sur l’horloge du serveur (maximum autorisé&#xa0;: %2).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>: the timestamp is %1 seconds ahead of the server&apos;s clock (at most %2 allowed).</source>
        <translation>&#xa0;: l’horodatage avance de %1 secondes sur l’horloge du serveur (maximum autorisé&#xa0;: %2).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>User %1 %2.</source>
        <translation>Utilisateur %1&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>FollowUpBar</name>
    <message>
        <location filename="../../ui/actions/FollowUpBar.cpp" line="+23"/>
        <source>&amp;Cancel request</source>
        <translation>&amp;Annuler la requête</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop waiting for the answer</source>
        <translation>Cesser d’attendre la réponse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stops waiting. The request has been sent: Smile ID may still carry it out, so the history records its outcome as unknown.</source>
        <translation>Cesse d’attendre. La requête a été envoyée : Smile ID peut encore l’exécuter, l’historique enregistre donc son issue comme inconnue.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Still waiting for Smile ID&apos;s answer…</source>
        <translation>Toujours en attente de la réponse de Smile ID…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the same action again</source>
        <translation>Envoyer à nouveau la même action</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Undo</source>
        <translation>Annulation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Undo: %1</source>
        <translation>Annulation : %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No answer came: it may or may not have been applied. Retrying is safe: each of these actions sets a state.</source>
        <translation>Aucune réponse n’est arrivée : l’action a pu être appliquée ou non. Réessayer est sans danger : chacune de ces actions fixe un état.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Smile ID had a problem on its side; it may work if you try again.</source>
        <translation>Smile ID a rencontré un problème de son côté ; un nouvel essai peut réussir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was applied. Once the connection or the base URL is put right, retrying is safe.</source>
        <translation>Rien n’a été appliqué. Une fois la connexion ou l’URL de base corrigée, réessayer est sans risque.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Done. Changed your mind?</source>
        <translation>C’est fait. Vous avez changé d’avis ?</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>%1 &quot;%2&quot;</source>
        <translation>%1 « %2 »</translation>
    </message>
</context>
<context>
    <name>FourEyes</name>
    <message>
        <location filename="../../app/core/approvals/FourEyes.cpp" line="+22"/>
        <source>Request #%1 was approved for something other than what would be sent now (%2 differs); nothing was sent.</source>
        <translation>La demande n° %1 a été approuvée pour autre chose que ce qui serait envoyé maintenant (%2 diffère)&#xa0;; rien n’a été envoyé.</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../ui/HelpMenu.cpp" line="+12"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;User guide</source>
        <translation>&amp;Guide d’utilisation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;data folder</source>
        <translation>Ouvrir le dossier des &amp;données</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folder holding the history and the sandbox&apos;s state.</source>
        <translation>Le dossier qui contient l’historique et l’état du bac à sable.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About Enrollee Console</source>
        <translation>&amp;À propos d’Enrollee Console</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Go to the user ID</source>
        <translation>Aller à l’identifiant utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the history</source>
        <translation>Afficher l’historique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the bulk runs</source>
        <translation>Afficher les traitements par lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the approvals (with a team)</source>
        <translation>Afficher les approbations (avec une équipe)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profiles</source>
        <translation>Profils</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User guide</source>
        <translation>Guide d’utilisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
</context>
<context>
    <name>HistoryCheck</name>
    <message>
        <location filename="../../ui/history/HistoryCheck.cpp" line="+20"/>
        <source>History integrity check</source>
        <translation>Contrôle d’intégrité de l’historique</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>History not checked yet.</source>
        <translation>Historique pas encore contrôlé.</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+11"/>
        <source>Checking the history&apos;s integrity…</source>
        <translation>Contrôle de l’intégrité de l’historique…</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>History intact: %n entries checked. Without a key, an edit that also rewrote the chain would not be detected.</source>
        <translation>
            <numerusform>Historique intact : %n entrée vérifiée. Sans clé, une modification qui réécrirait aussi la chaîne ne serait pas détectée.</numerusform>
            <numerusform>Historique intact : %n entrées vérifiées. Sans clé, une modification qui réécrirait aussi la chaîne ne serait pas détectée.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>History intact: %n entries checked, none changed.</source>
        <translation>
            <numerusform>Historique intact : %n entrée vérifiée, aucune modifiée.</numerusform>
            <numerusform>Historique intact : %n entrées vérifiées, aucune modifiée.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>History intact: %n entries checked, none changed. With no keychain its key is kept beside the history, so this check catches accidents, not someone who set out to forge it.</source>
        <translation>
            <numerusform>Historique intact&#xa0;: %n entrée vérifiée, non modifiée. Sans trousseau de clés, sa clé est conservée à côté de l’historique&#xa0;: ce contrôle détecte donc les accidents, pas une falsification délibérée.</numerusform>
            <numerusform>Historique intact&#xa0;: %n entrées vérifiées, aucune modifiée. Sans trousseau de clés, sa clé est conservée à côté de l’historique&#xa0;: ce contrôle détecte donc les accidents, pas une falsification délibérée.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot check the history now: %1 Nothing was found altered; it is checked again once the database can be reached.</source>
        <translation>Impossible de contrôler l’historique pour l’instant&#xa0;: %1 Rien n’a été trouvé modifié&#xa0;; il sera contrôlé de nouveau dès que la base pourra être jointe.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>History check failed: %1</source>
        <translation>Échec du contrôle de l’historique&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>HistoryCommand</name>
    <message>
        <location filename="../../app/cli/HistoryCommand.cpp" line="+28"/>
        <source>List the actions recorded by every face of Enrollee Console, newest first. The API cannot read an enrollee&apos;s live state: this is what this computer sent and what the server answered.</source>
        <translation>Liste les actions enregistrées par toutes les interfaces d’Enrollee Console, de la plus récente à la plus ancienne. L’API ne permet pas de lire l’état actuel d’un inscrit&#xa0;: voici ce que cet ordinateur a envoyé et ce que le serveur a répondu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The command.</source>
        <translation>La commande.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only actions on this user ID.</source>
        <translation>Uniquement les actions portant sur cet identifiant utilisateur.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The history&apos;s chain key is lost for good: make a new one and record a key epoch, after which --verify reports the earlier records as unverifiable instead of altered. Needs --reason; asks first (or --yes). Refused while the key is only out of reach or still vouches for the history.</source>
        <translation>La clé de chaînage de l’historique est définitivement perdue&#xa0;: en créer une nouvelle et enregistrer une période de clé, après quoi --verify signale les enregistrements antérieurs comme invérifiables au lieu de modifiés. Exige --reason&#xa0;; demande confirmation (ou --yes). Refusé tant que la clé est seulement inaccessible ou atteste encore l’historique.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Why the key was given up (with --new-key-epoch).</source>
        <translation>Pourquoi la clé a été abandonnée (avec --new-key-epoch).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --new-key-epoch on a computer that has no keychain: keep the new key in the file beside the history.</source>
        <translation>Avec --new-key-epoch sur un ordinateur sans trousseau de clés&#xa0;: conserver la nouvelle clé dans le fichier à côté de l’historique.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>history takes no arguments besides its options.</source>
        <translation>history n’accepte aucun argument en dehors de ses options.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--keep-months takes a number of months from 0 (keep everything) to 1200.</source>
        <translation>--keep-months attend un nombre de mois compris entre 0 (tout conserver) et 1200.</translation>
    </message>
    <message>
        <location filename="../../app/cli/HistoryListing.cpp" line="+75"/>
        <source>warning: %1</source>
        <translation>avertissement&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../app/cli/HistoryCommand.cpp" line="+76"/>
        <location filename="../../app/cli/HistoryListing.cpp" line="+75"/>
        <source>The history is empty.</source>
        <translation>L’historique est vide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No actions recorded for user &quot;%1&quot;.</source>
        <translation>Aucune action enregistrée pour l’utilisateur «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../app/cli/HistoryListing.cpp" line="-127"/>
        <source>TIME (UTC)</source>
        <translation>DATE/HEURE (UTC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ENV</source>
        <translation>ENV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ACTION</source>
        <translation>ACTION</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OUTCOME</source>
        <translation>RÉSULTAT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP/CODE</source>
        <translation>HTTP/CODE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>USER</source>
        <translation>UTILISATEUR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OPERATOR</source>
        <translation>OPÉRATEUR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>REASON</source>
        <translation>MOTIF</translation>
    </message>
    <message>
        <location filename="../../app/cli/HistoryCommand.cpp" line="+51"/>
        <source>warning: request #%1 could not be read: %2</source>
        <translation>avertissement&#xa0;: la demande n°&#xa0;%1 n’a pas pu être lue&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The history is empty: nothing to check.</source>
        <translation>L’historique est vide&#xa0;: rien à contrôler.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Team trail intact: its chain holds through record #%1.</source>
        <translation>Journal de l’équipe intact&#xa0;: sa chaîne tient jusqu’à l’enregistrement n° %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This console has no chain key yet (it has recorded no action), so it keeps no checkpoint of the team trail yet: %1</source>
        <translation>Cette console n’a pas encore de clé de chaîne (elle n’a consigné aucune action)&#xa0;; elle ne garde donc pas encore de point de contrôle du journal de l’équipe&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The history cannot be checked: %1</source>
        <translation>L’historique ne peut pas être contrôlé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The newest record matches the anchor kept outside the history folder.</source>
        <translation>L’enregistrement le plus récent correspond à l’ancre conservée hors du dossier de l’historique.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It also matches the anchor&apos;s copy in the keychain.</source>
        <translation>Il correspond aussi à la copie de l’ancre dans le trousseau de clés.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>History check FAILED at record #%1: %2</source>
        <translation>ÉCHEC du contrôle de l’historique à l’enregistrement n° %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <location line="-65"/>
        <source>History intact: %n record(s) checked, chained with the key from %1.</source>
        <translation>
            <numerusform>Historique intact&#xa0;: %n enregistrement vérifié, chaîné avec la clé (source&#xa0;: %1).</numerusform>
            <numerusform>Historique intact&#xa0;: %n enregistrements vérifiés, chaînés avec la clé (source&#xa0;: %1).</numerusform>
        </translation>
    </message>
    <message>
        <location line="-197"/>
        <source>Check the history&apos;s hash chain; exit 0 when intact, 5 naming the first altered, removed or reordered entry, 4 when the team database cannot be reached to check it now.</source>
        <translation>Contrôler la chaîne de hachage de l’historique&#xa0;; code 0 si intacte, 5 en nommant la première entrée modifiée, supprimée ou déplacée, 4 si la base de l’équipe ne peut pas être jointe pour la contrôler maintenant.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep N months of history (0 = everything, the default), save that as the retention setting and remove older whole months now, after showing what goes and asking (or --yes). The removal is itself recorded in the history. Refused while the clock is behind the newest record or more than a month ahead of it.</source>
        <translation>Conserver N mois d’historique (0 = tout, par défaut), enregistrer ce paramètre de rétention et supprimer maintenant les mois entiers plus anciens, après avoir montré ce qui part et demandé confirmation (ou --yes). La suppression est elle-même enregistrée dans l’historique. Refusé tant que l’horloge est en retard sur l’enregistrement le plus récent ou en avance de plus d’un mois.</translation>
    </message>
    <message numerus="yes">
        <location line="+262"/>
        <source>%n more break(s):</source>
        <translation>
            <numerusform>%n autre rupture&#xa0;:</numerusform>
            <numerusform>%n autres ruptures&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>record #%1: %2</source>
        <translation>enregistrement n° %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not save the retention setting in %1.</source>
        <translation>Impossible d’enregistrer le paramètre de rétention dans %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Retention set to keep everything; nothing removed.</source>
        <translation>Rétention réglée pour tout conserver&#xa0;; rien n’a été supprimé.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing was removed: %1</source>
        <translation>Rien n’a été supprimé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Retention refused: %1</source>
        <translation>Rétention refusée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing in the history is older than %1; nothing removed.</source>
        <translation>Rien dans l’historique n’est antérieur à %1&#xa0;; rien n’a été supprimé.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Keeping %n month(s) removes everything before %1:</source>
        <translation>
            <numerusform>Conserver %n mois supprime tout ce qui précède %1&#xa0;:</numerusform>
            <numerusform>Conserver %n mois supprime tout ce qui précède %1&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1: %n entry(ies)</source>
        <translation>
            <numerusform>%1&#xa0;: %n entrée</numerusform>
            <numerusform>%1&#xa0;: %n entrées</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Removing history cannot be undone and standard input is not a terminal to confirm it: add --yes. Nothing was removed.</source>
        <translation>La suppression d’historique est irréversible et l’entrée standard n’est pas un terminal pour la confirmer&#xa0;: ajoutez --yes. Rien n’a été supprimé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove these months for good? Type &quot;yes&quot; to confirm: </source>
        <translation>Supprimer définitivement ces mois&#xa0;? Tapez «&#xa0;oui&#xa0;» pour confirmer&#xa0;: </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not confirmed; nothing was removed.</source>
        <translation>Non confirmé&#xa0;; rien n’a été supprimé.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Pruning failed: %1</source>
        <translation>Échec de la purge&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept history from %1 on; entries removed with the months before it: %2.</source>
        <translation>Historique conservé à partir de %1&#xa0;; entrées supprimées avec les mois précédents&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="-118"/>
        <location line="+3"/>
        <source>No key epoch was begun: %1</source>
        <translation>Aucune période de clé n’a été commencée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new key epoch begins at record #%1, chained with a new key in %2. Records before it are reported as unverifiable by the history check.</source>
        <translation>Une nouvelle période de clé commence à l’enregistrement n° %1, chaînée avec une nouvelle clé dans %2. Le contrôle de l’historique signale les enregistrements antérieurs comme invérifiables.</translation>
    </message>
</context>
<context>
    <name>HistoryCountLine</name>
    <message>
        <location filename="../../ui/history/HistoryCountLine.cpp" line="+12"/>
        <source>Number of history entries shown</source>
        <translation>Nombre d’entrées d’historique affichées</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Cannot count the entries: %1</source>
        <translation>Impossible de compter les entrées&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Showing %1 of %n entries</source>
        <translation>
            <numerusform>%1 sur %n entrée affichée</numerusform>
            <numerusform>%1 sur %n entrées affichées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryDetailView</name>
    <message>
        <location filename="../../ui/history/HistoryDetailView.cpp" line="+95"/>
        <source>Sent from</source>
        <translation>Envoyé depuis</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>this console&apos;s window (console)</source>
        <translation>la fenêtre de cette console (console)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the command line, enrollee-cli (cli)</source>
        <translation>la ligne de commande, enrollee-cli (cli)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Approval</source>
        <translation>Approbation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>request #%1</source>
        <translation>demande n°&#xa0;%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <location line="+5"/>
        <source>Approved by</source>
        <translation>Approuvée par</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>(reading the request…)</source>
        <translation>(lecture de la demande…)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(the request could not be read: %1)</source>
        <translation>(la demande n’a pas pu être lue&#xa0;: %1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Approved at</source>
        <translation>Approuvée le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approval note</source>
        <translation>Motif de l’approbation</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Details of the selected history entry</source>
        <translation>Détails de l’entrée d’historique sélectionnée</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Select an entry to see its details, its attempts and the raw response.</source>
        <translation>Sélectionnez une entrée pour afficher ses détails, ses tentatives et la réponse brute.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environment</source>
        <translation>Environnement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partner ID</source>
        <translation>Identifiant partenaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User ID</source>
        <translation>Identifiant utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bulk run</source>
        <translation>Traitement par lot</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1, input line %2</source>
        <translation>%1, ligne d’entrée %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Officer</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Terminée le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP status</source>
        <translation>Statut HTTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elapsed</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No usable answer came back (a timeout or a broken connection after sending): the action may or may not have been applied by Smile ID.</source>
        <translation>Aucune réponse exploitable n’est revenue (délai dépassé ou connexion coupée après l’envoi)&#xa0;: Smile ID a pu appliquer l’action ou non.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The program that sent this action ended before the answer was recorded: it may or may not have reached Smile ID.</source>
        <translation>Le programme qui a envoyé cette action s’est arrêté avant que la réponse ne soit enregistrée&#xa0;: elle a pu parvenir ou non à Smile ID.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Attempts (%1)</source>
        <translation>Tentatives (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  %1. %2  %3  HTTP %4  code %5  %6 ms</source>
        <translation>  %1. %2  %3  HTTP %4  code %5  %6 ms</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Raw response</source>
        <translation>Réponse brute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
</context>
<context>
    <name>HistoryEntry</name>
    <message>
        <location filename="../../app/core/history/HistoryEntry.cpp" line="+35"/>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Success</source>
        <translation>Succès</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failure</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
</context>
<context>
    <name>HistoryExportFlow</name>
    <message>
        <location filename="../../ui/history/HistoryExportFlow.cpp" line="+36"/>
        <source>Export history as CSV</source>
        <translation>Exporter l’historique au format CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export history as JSON</source>
        <translation>Exporter l’historique au format JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%n selected entries</source>
        <translation>
            <numerusform>%n entrée sélectionnée</numerusform>
            <numerusform>%n entrées sélectionnées</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>An export is already running; wait for it or cancel it.</source>
        <translation>Une exportation est déjà en cours&#xa0;; attendez-la ou annulez-la.</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Exporting %n entries…</source>
        <translation>
            <numerusform>Export de %n entrée…</numerusform>
            <numerusform>Export de %n entrées…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The export was cancelled; no file was written.</source>
        <translation>L’exportation a été annulée&#xa0;; aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The export stopped: the history could not be read: %1</source>
        <translation>L’exportation s’est arrêtée&#xa0;: l’historique n’a pas pu être lu&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>HistoryExportNotice</name>
    <message>
        <location filename="../../ui/history/HistoryExportNotice.cpp" line="+24"/>
        <source>Export progress</source>
        <translation>Progression de l’exportation</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel the export</source>
        <translation>Annuler l’exportation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>History export result</source>
        <translation>Résultat de l’export de l’historique</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the folder of the exported file</source>
        <translation>Ouvrir le dossier du fichier exporté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open folder</source>
        <translation>&amp;Ouvrir le dossier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dismiss the export message</source>
        <translation>Fermer le message d’export</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Checking the history before exporting…</source>
        <translation>Vérification de l’historique avant l’exportation…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exported %1 of %2 entries…</source>
        <translation>%1 entrées sur %2 exportées…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported %1 entries…</source>
        <translation>%1 entrées exportées…</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Exported %n entries to %1.</source>
        <translation>
            <numerusform>%n entrée exportée vers %1.</numerusform>
            <numerusform>%n entrées exportées vers %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryExporter</name>
    <message>
        <location filename="../../ui/history/HistoryExporter.cpp" line="+126"/>
        <source>No file name was given for the export.</source>
        <translation>Aucun nom de fichier n’a été indiqué pour l’export.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is a folder; choose a file name for the export.</source>
        <translation>%1 est un dossier&#xa0;; choisissez un nom de fichier pour l’export.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The folder %1 does not exist.</source>
        <translation>Le dossier %1 n’existe pas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cannot be overwritten: it is read-only.</source>
        <translation>%1 ne peut pas être remplacé&#xa0;: il est en lecture seule.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cannot write the export to %1: %2</source>
        <translation>Impossible d’écrire l’export dans %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Writing the export to %1 failed: %2</source>
        <translation>L’écriture de l’export dans %1 a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not finish the export to %1: %2</source>
        <translation>Impossible de terminer l’export vers %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>HistoryFilter</name>
    <message>
        <location filename="../../ui/history/HistoryFilter.cpp" line="+79"/>
        <source>text contains &quot;%1&quot;</source>
        <translation>le texte contient «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>action is %1</source>
        <translation>action&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>outcome is %1</source>
        <translation>résultat&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from %1</source>
        <translation>à partir du %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to %1</source>
        <translation>jusqu’au %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this session (since %1)</source>
        <translation>cette session (depuis %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all entries</source>
        <translation>toutes les entrées</translation>
    </message>
</context>
<context>
    <name>HistoryFilterBar</name>
    <message>
        <location filename="../../ui/history/HistoryFilterBar.cpp" line="+60"/>
        <source>Clear all history filters</source>
        <translation>Effacer tous les filtres de l’historique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lear filters</source>
        <translation>E&amp;ffacer les filtres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show every entry again.</source>
        <translation>Afficher à nouveau toutes les entrées.</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>All &amp;dates</source>
        <translation>&amp;Toutes les dates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This &amp;session</source>
        <translation>Cette &amp;session</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter history by text</source>
        <translation>Filtrer l’historique par texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search user ID, operator, reason, message, code, bulk run</source>
        <translation>Rechercher identifiant, opérateur, motif, message, code, lot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows entries whose user ID, operator, reason, message or code contains this text (case does not matter).</source>
        <translation>Affiche les entrées dont l’identifiant utilisateur, l’opérateur, le motif, le message ou le code contient ce texte (sans tenir compte de la casse).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter history by action</source>
        <translation>Filtrer l’historique par action</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any action</source>
        <translation>Toutes les actions</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter history by outcome</source>
        <translation>Filtrer l’historique par résultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any outcome</source>
        <translation>Tous les résultats</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show all dates</source>
        <translation>Afficher toutes les dates</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show entries from this date</source>
        <translation>Afficher les entrées à partir de cette date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show entries up to this date</source>
        <translation>Afficher les entrées jusqu’à cette date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only this session&apos;s entries</source>
        <translation>Afficher uniquement les entrées de cette session</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only actions taken since this window was opened.</source>
        <translation>Uniquement les actions effectuées depuis l’ouverture de cette fenêtre.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;To</source>
        <translation>A&amp;u</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../ui/history/HistoryPanel.cpp" line="+153"/>
        <source>Why no history entries are shown</source>
        <translation>Pourquoi aucune entrée d’historique n’est affichée</translation>
    </message>
    <message>
        <location line="+196"/>
        <source>this console is not connected to the team database</source>
        <translation>cette console n’est pas connectée à la base de l’équipe</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No history entries yet. Every action you send is recorded here.</source>
        <translation>Aucune entrée d’historique pour l’instant. Chaque action envoyée est enregistrée ici.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No entries match these filters. &lt;a href=&quot;clear&quot;&gt;Clear filters&lt;/a&gt;</source>
        <translation>Aucune entrée ne correspond à ces filtres. &lt;a href=&quot;clear&quot;&gt;Effacer les filtres&lt;/a&gt;</translation>
    </message>
    <message>
        <location line="-309"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Reload history</source>
        <translation>Recharger l’historique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the history again from disk and check it.</source>
        <translation>Relire l’historique depuis le disque et le contrôler.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export the shown history entries</source>
        <translation>Exporter les entrées d’historique affichées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the entries shown, in the order shown.</source>
        <translation>Exporter les entrées affichées, dans l’ordre d’affichage.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;CSV…</source>
        <translation>&amp;CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;JSON…</source>
        <translation>&amp;JSON…</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>History loading problems</source>
        <translation>Problèmes de chargement de l’historique</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>History entries</source>
        <translation>Entrées d’historique</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>History table and details</source>
        <translation>Tableau et détails de l’historique</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Some history could not be read:</source>
        <translation>Une partie de l’historique n’a pas pu être lue&#xa0;:</translation>
    </message>
</context>
<context>
    <name>HistoryStore</name>
    <message>
        <location filename="../../app/core/history/local/HistoryShard.cpp" line="+230"/>
        <source>record #%1 (entry #%1: %2 of user &quot;%3&quot; at %4)</source>
        <translation>enregistrement n° %1 (entrée n° %1&#xa0;: %2 pour l’utilisateur «&#xa0;%3&#xa0;» à %4)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>record #%1 (the outcome of entry #%2)</source>
        <translation>enregistrement n° %1 (le résultat de l’entrée n° %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>record #%1</source>
        <translation>enregistrement n° %1</translation>
    </message>
    <message>
        <location filename="../../app/core/history/local/LocalHistoryBackend.cpp" line="+39"/>
        <source>the history in %1</source>
        <translation>l’historique dans %1</translation>
    </message>
    <message>
        <location filename="../../app/core/history/local/HistoryTail.cpp" line="+115"/>
        <source>The history ends at record #%1%2, but its head file says record #%3 was written%4: records were removed, and their numbers must not be reused. Run the history check (enrollee-cli history --verify); nothing was written.</source>
        <translation>L’historique s’arrête à l’enregistrement n° %1%2, mais son fichier de tête indique que l’enregistrement n° %3 a été écrit%4&#xa0;: des enregistrements ont été supprimés, et leurs numéros ne doivent pas être réutilisés. Lancez le contrôle de l’historique (enrollee-cli history --verify)&#xa0;; rien n’a été écrit.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+3"/>
        <source> (in %1)</source>
        <translation> (dans %1)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The newest history record has no valid hash; run the history check.</source>
        <translation>L’enregistrement d’historique le plus récent n’a pas d’empreinte valide&#xa0;; lancez le contrôle de l’historique.</translation>
    </message>
    <message>
        <location filename="../../app/core/history/local/LocalHistoryBackend.cpp" line="+53"/>
        <source>The history file %1 already exists although the history ends before it; run the history check. Nothing was sent.</source>
        <translation>Le fichier d’historique %1 existe déjà alors que l’historique s’arrête avant lui&#xa0;; lancez le contrôle de l’historique. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The history&apos;s anchor could not be updated: %1</source>
        <translation>L’ancre de l’historique n’a pas pu être mise à jour&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+55"/>
        <location filename="../../app/core/history/local/LocalHistoryQueries.cpp" line="+308"/>
        <location filename="../../app/core/history/local/NewestFirstWalk.cpp" line="+29"/>
        <source>The history file %1 cannot be read; it was left where it is and its entries are missing from this view.</source>
        <translation>Le fichier d’historique %1 est illisible&#xa0;; il a été laissé en place et ses entrées manquent dans cette vue.</translation>
    </message>
    <message>
        <location filename="../../app/core/history/local/LocalChainCheck.cpp" line="+42"/>
        <source>The history could not be checked: %1</source>
        <translation>L’historique n’a pas pu être contrôlé&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../app/core/history/HistoryRecords.cpp" line="+101"/>
        <location filename="../../app/core/history/local/LocalHistoryQueries.cpp" line="+9"/>
        <location filename="../../app/core/history/local/NewestFirstWalk.cpp" line="+29"/>
        <source>History record #%1 in %2 is damaged and was skipped.</source>
        <translation>L’enregistrement d’historique n° %1 dans %2 est endommagé et a été ignoré.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../app/core/history/local/LocalHistoryQueries.cpp" line="+3"/>
        <location filename="../../app/core/history/local/NewestFirstWalk.cpp" line="+16"/>
        <source>History record #%1 has an unknown action or environment.</source>
        <translation>L’enregistrement d’historique n° %1 comporte une action ou un environnement inconnu.</translation>
    </message>
    <message>
        <location filename="../../app/core/history/ChainWalk.cpp" line="+247"/>
        <source>History files cannot be read: %1.</source>
        <translation>Les fichiers d’historique sont illisibles&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Records #1 to #%1 are missing: the oldest entries were removed.</source>
        <translation>Les enregistrements n° 1 à %1 sont manquants&#xa0;: les entrées les plus anciennes ont été supprimées.</translation>
    </message>
    <message>
        <location line="-155"/>
        <source>Records #%1 to #%2 are missing: entries were removed.</source>
        <translation>Les enregistrements n° %1 à %2 sont manquants&#xa0;: des entrées ont été supprimées.</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Record #%1 appears twice or out of order.</source>
        <translation>L’enregistrement n° %1 apparaît deux fois ou hors de son ordre.</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+153"/>
        <source>Record #%1 is not valid JSON although its hash matches.</source>
        <translation>L’enregistrement n° %1 n’est pas du JSON valide, bien que son empreinte corresponde.</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Record #%1 does not match the history head.</source>
        <translation>L’enregistrement n° %1 ne correspond pas à la tête de l’historique.</translation>
    </message>
    <message>
        <location line="-125"/>
        <location line="+152"/>
        <source>%1 was altered, or its neighbours were reordered: its hash does not match.</source>
        <translation>%1 a été modifié, ou ses voisins ont été réordonnés&#xa0;: son empreinte ne correspond pas.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Records #1 to #%1 were chained with a key that was given up for good on %2 by %3 (&quot;%4&quot;; record #%5): they cannot be verified, and are not reported as altered.</source>
        <translation>Les enregistrements n° 1 à %1 ont été chaînés avec une clé définitivement abandonnée le %2 par %3 («&#xa0;%4&#xa0;»&#xa0;; enregistrement n° %5)&#xa0;: ils ne peuvent pas être vérifiés et ne sont pas signalés comme modifiés.</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>The history was rolled back to record #%1: the anchor %2 says record #%3 was written.</source>
        <translation>L’historique a été ramené à l’enregistrement n° %1&#xa0;: l’ancre %2 indique que l’enregistrement n° %3 a été écrit.</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>The newest %n record(s) were removed (#%1 to #%2): the anchor %3 says record #%2 was written.</source>
        <translation>
            <numerusform>L’enregistrement le plus récent a été supprimé (n° %1 à %2)&#xa0;: l’ancre %3 indique que l’enregistrement n° %2 a été écrit.</numerusform>
            <numerusform>Les %n enregistrements les plus récents ont été supprimés (n° %1 à %2)&#xa0;: l’ancre %3 indique que l’enregistrement n° %2 a été écrit.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Record #%1 is not the record the anchor %2 vouches for: the history was replaced from there (rolled back and written again, or files swapped).</source>
        <translation>L’enregistrement n° %1 n’est pas celui qu’atteste l’ancre %2&#xa0;: l’historique a été remplacé à partir de là (ramené en arrière puis réécrit, ou fichiers échangés).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>outside the history folder</source>
        <translation>hors du dossier de l’historique</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The history&apos;s anchor %1 is missing, although the history was anchored: it was removed, which is how a rollback would hide.</source>
        <translation>L’ancre de l’historique %1 est absente alors que l’historique était ancré&#xa0;: elle a été supprimée, ce qui est la manière de cacher un retour en arrière.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no anchor %1: the history was written before anchors were kept, or it lost its anchor before it recorded having one; the next action writes one.</source>
        <translation>Il n’y a pas d’ancre %1&#xa0;: l’historique a été écrit avant que les ancres soient conservées, ou il a perdu son ancre avant d’avoir consigné en avoir une&#xa0;; la prochaine action en écrit une.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location filename="../../app/core/history/local/LocalHistoryBackend.cpp" line="-121"/>
        <source>in the keychain</source>
        <translation>dans le trousseau de clés</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The history head file was altered.</source>
        <translation>Le fichier de tête de l’historique a été modifié.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Records #%1 to #%2 are missing: the newest entries were removed.</source>
        <translation>Les enregistrements n° %1 à %2 sont manquants&#xa0;: les entrées les plus récentes ont été supprimées.</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>The history head file is missing.</source>
        <translation>Le fichier de tête de l’historique est manquant.</translation>
    </message>
    <message>
        <location filename="../../app/core/history/local/LocalHistoryBackend.cpp" line="+273"/>
        <source>Could not remove %1.</source>
        <translation>Impossible de supprimer %1.</translation>
    </message>
    <message>
        <location filename="../../app/core/history/HistoryAnchor.cpp" line="+85"/>
        <source>Run the history check (enrollee-cli history --verify); nothing was written.</source>
        <translation>Lancez le contrôle de l’historique (enrollee-cli history --verify)&#xa0;; rien n’a été écrit.</translation>
    </message>
    <message>
        <location filename="../../app/core/history/ChainWalk.cpp" line="-88"/>
        <location filename="../../app/core/history/HistoryAnchor.cpp" line="+6"/>
        <source>The history&apos;s anchor %1 is damaged, or was made with another chain key.</source>
        <translation>L’ancre de l’historique %1 est endommagée, ou a été créée avec une autre clé de chaînage.</translation>
    </message>
    <message>
        <location filename="../../app/core/history/HistoryAnchor.cpp" line="+5"/>
        <source>The history ends at record #%1, but its anchor %2 says record #%3 was written: records were removed or rolled back, and their numbers must not be reused.</source>
        <translation>L’historique s’arrête à l’enregistrement n° %1, mais son ancre %2 indique que l’enregistrement n° %3 a été écrit&#xa0;: des enregistrements ont été supprimés ou annulés, et leurs numéros ne doivent pas être réutilisés.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Record #%1 is not the record the anchor %2 vouches for: the history was replaced.</source>
        <translation>L’enregistrement n° %1 n’est pas celui qu’atteste l’ancre %2&#xa0;: l’historique a été remplacé.</translation>
    </message>
    <message>
        <location filename="../../app/core/history/local/HistoryLock.cpp" line="+37"/>
        <source>The history is in use by another program (%1, process %2) and stayed locked too long.</source>
        <translation>L’historique est utilisé par un autre programme (%1, processus %2) et est resté verrouillé trop longtemps.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the history lock file</source>
        <translation>le fichier de verrou de l’historique</translation>
    </message>
    <message>
        <location filename="../../app/core/history/HistoryRetention.cpp" line="+61"/>
        <source>The clock says %1 but the newest history record is from %2: with the clock behind the history, retention cannot tell which months are old. Set the clock right; nothing was removed.</source>
        <translation>L’horloge indique %1 mais l’enregistrement d’historique le plus récent date du %2&#xa0;: avec une horloge en retard sur l’historique, la rétention ne peut pas savoir quels mois sont anciens. Remettez l’horloge à l’heure&#xa0;; rien n’a été supprimé.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The clock says %1, more than %3 days after the newest history record (%2): if the clock is wrong, retention would remove recent months. Set the clock right, or record an action first if the history was simply not used; nothing was removed.</source>
        <translation>L’horloge indique %1, plus de %3 jours après l’enregistrement d’historique le plus récent (%2)&#xa0;: si l’horloge est fausse, la rétention supprimerait des mois récents. Remettez l’horloge à l’heure, ou enregistrez d’abord une action si l’historique n’a simplement pas servi&#xa0;; rien n’a été supprimé.</translation>
    </message>
    <message>
        <location filename="../../app/core/history/HistoryBackend.h" line="+288"/>
        <location filename="../../app/core/history/local/LocalHistoryQueries.cpp" line="-187"/>
        <location filename="../../app/team/TeamQueries.cpp" line="+303"/>
        <source>Entry #%1 is not in the history.</source>
        <translation>L’entrée n°&#xa0;%1 n’est pas dans l’historique.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>This history does not keep key epochs.</source>
        <translation>Cet historique ne gère pas les périodes de clé.</translation>
    </message>
    <message>
        <location filename="../../app/core/history/KeychainAnchor.cpp" line="+30"/>
        <source>The history anchor&apos;s copy in the keychain cannot be read: %1</source>
        <translation>La copie de l’ancre de l’historique dans le trousseau de clés est illisible&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The history anchor&apos;s copy in the keychain could not be updated: %1</source>
        <translation>La copie de l’ancre de l’historique dans le trousseau de clés n’a pas pu être mise à jour&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../app/core/history/local/LocalHistoryBackend.cpp" line="+20"/>
        <source>No new chain key is set.</source>
        <translation>Aucune nouvelle clé de chaînage n’est définie.</translation>
    </message>
    <message>
        <location filename="../../app/core/history/local/KeyEpochPlan.cpp" line="+30"/>
        <source>The chain key in hand still vouches for this history: it was not lost, so no new key epoch was begun.</source>
        <translation>La clé de chaînage disponible atteste encore cet historique&#xa0;: elle n’est pas perdue, aucune nouvelle période de clé n’a donc été commencée.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The history is empty: there is no earlier key to give up.</source>
        <translation>L’historique est vide&#xa0;: il n’y a pas de clé antérieure à abandonner.</translation>
    </message>
    <message>
        <location filename="../../app/core/history/local/FileBatch.cpp" line="+47"/>
        <source>%1 could not be put back as it was after a failed write; run the history check.</source>
        <translation>%1 n’a pas pu être remis en l’état après une écriture échouée&#xa0;; lancez le contrôle de l’historique.</translation>
    </message>
    <message>
        <location filename="../../app/core/history/local/HistoryShardWriter.cpp" line="+43"/>
        <source>The history file %1 cannot be read back whole, so it is not written to; run the history check. Nothing was sent.</source>
        <translation>Le fichier d’historique %1 ne peut pas être relu en entier&#xa0;; il n’est donc pas modifié. Lancez le contrôle de l’historique. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location filename="../../app/index/SqliteHistoryIndex.cpp" line="+59"/>
        <source>the history&apos;s index %1</source>
        <translation>l’index de l’historique %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The history&apos;s index %1 cannot be used: %2</source>
        <translation>L’index de l’historique %1 est inutilisable&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Qt&apos;s SQLite driver is not installed.</source>
        <translation>Le pilote SQLite de Qt n’est pas installé.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a plain file; it is left alone.</source>
        <translation>%1 n’est pas un fichier ordinaire&#xa0;; il est laissé tel quel.</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../ui/history/HistoryTab.cpp" line="+20"/>
        <source>Opening history…</source>
        <translation>Ouverture de l’historique…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+21"/>
        <location line="+34"/>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>&amp;History — check failed</source>
        <translation>&amp;Historique — vérification échouée</translation>
    </message>
</context>
<context>
    <name>HistoryTableMenu</name>
    <message>
        <location filename="../../ui/history/HistoryTableMenu.cpp" line="+16"/>
        <source>&amp;Copy user ID</source>
        <translation>&amp;Copier l’identifiant utilisateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open user in Lookup</source>
        <translation>&amp;Ouvrir l’utilisateur dans Recherche</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Export selected entries as CSV…</source>
        <translation>&amp;Exporter les entrées sélectionnées en CSV…</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <location filename="../../ui/history/HistoryCells.cpp" line="+85"/>
        <source>The database role that recorded this entry (operator e-mail: %1)</source>
        <translation>Le rôle de base de données qui a consigné cette entrée (adresse de l’opérateur&#xa0;: %1)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This entry was changed after it was recorded: %1</source>
        <translation>Cette entrée a été modifiée après son enregistrement : %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Environment</source>
        <translation>Environnement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User ID</source>
        <translation>Identifiant utilisateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Officer</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
</context>
<context>
    <name>InfoBar</name>
    <message>
        <location filename="../../ui/widgets/InfoBar.cpp" line="+23"/>
        <source>Notice action</source>
        <translation>Action de la notification</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss notice</source>
        <translation>Fermer la notification</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Information</source>
        <translation>Information</translation>
    </message>
</context>
<context>
    <name>KeyEpochConfirmation</name>
    <message>
        <location filename="../../app/cli/KeyEpochConfirmation.cpp" line="+12"/>
        <source>--new-key-epoch needs --reason TEXT: the trail records why the key was given up.</source>
        <translation>--new-key-epoch exige --reason TEXT&#xa0;: le journal enregistre pourquoi la clé a été abandonnée.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Beginning a new key epoch cannot be undone and standard input is not a terminal to confirm it: add --yes. Nothing was changed.</source>
        <translation>Commencer une nouvelle période de clé est irréversible et l’entrée standard n’est pas un terminal pour le confirmer&#xa0;: ajoutez --yes. Rien n’a été modifié.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A new chain key will be made. Every record written so far will be reported as unverifiable from now on, because the key that chained it is gone; this is recorded in the history.</source>
        <translation>Une nouvelle clé de chaînage va être créée. Tous les enregistrements écrits jusqu’ici seront désormais signalés comme invérifiables, car la clé qui les a chaînés a disparu&#xa0;; cela est consigné dans l’historique.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Begin a new key epoch? Type &quot;yes&quot; to confirm: </source>
        <translation>Commencer une nouvelle période de clé&#xa0;? Tapez «&#xa0;oui&#xa0;» pour confirmer&#xa0;: </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not confirmed; nothing was changed.</source>
        <translation>Non confirmé&#xa0;; rien n’a été modifié.</translation>
    </message>
</context>
<context>
    <name>KeySource</name>
    <message>
        <location filename="../../app/cli/KeySource.cpp" line="+43"/>
        <source>Cannot read the API key file %1: %2</source>
        <translation>Impossible de lire le fichier de clé d’API %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The API key file %1 is too large to be a key.</source>
        <translation>Le fichier de clé d’API %1 est trop volumineux pour contenir une clé.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The API key file %1 is not UTF-8 text.</source>
        <translation>Le fichier de clé d’API %1 n’est pas du texte UTF-8.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The API key file %1 is empty.</source>
        <translation>Le fichier de clé d’API %1 est vide.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The API key file %1 holds a control character (a NUL byte?); it is not a key.</source>
        <translation>Le fichier de clé d’API %1 contient un caractère de contrôle (un octet NUL&#xa0;?)&#xa0;; ce n’est pas une clé.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the file %1</source>
        <translation>le fichier %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The local sandbox&apos;s sec_key API key changes each run: start it with &quot;enrollee-cli sandbox --sec-key-api-key-file PATH&quot; and pass --api-key-file PATH.</source>
        <translation>La clé d’API sec_key du bac à sable local change à chaque exécution&#xa0;: lancez-le avec «&#xa0;enrollee-cli sandbox --sec-key-api-key-file PATH&#xa0;» et passez --api-key-file PATH.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the local sandbox&apos;s demo key</source>
        <translation>la clé de démonstration du bac à sable local</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No API key: set SMILEID_API_KEY, use --api-key-file PATH, or save a profile with its key (enrollee-cli profile add … and profile set-key …).</source>
        <translation>Aucune clé d’API&#xa0;: définissez SMILEID_API_KEY, utilisez --api-key-file PATH ou enregistrez un profil avec sa clé (enrollee-cli profile add … puis profile set-key …).</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+17"/>
        <source>the keychain</source>
        <translation>le trousseau de clés</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The keychain holds no API key for profile &quot;%1&quot;: run &quot;enrollee-cli profile set-key %1&quot;, or set SMILEID_API_KEY, or use --api-key-file PATH.</source>
        <translation>Le trousseau de clés ne contient aucune clé d’API pour le profil «&#xa0;%1&#xa0;»&#xa0;: exécutez «&#xa0;enrollee-cli profile set-key %1&#xa0;», définissez SMILEID_API_KEY ou utilisez --api-key-file PATH.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot read the API key of profile &quot;%1&quot; from the keychain (%2): set SMILEID_API_KEY or use --api-key-file PATH.</source>
        <translation>Impossible de lire la clé d’API du profil «&#xa0;%1&#xa0;» dans le trousseau de clés (%2)&#xa0;: définissez SMILEID_API_KEY ou utilisez --api-key-file PATH.</translation>
    </message>
</context>
<context>
    <name>KeychainSession</name>
    <message>
        <location filename="../../app/cli/KeychainSession.cpp" line="+23"/>
        <source>enrollee-cli: the keychain did not answer within %1 s; going on without it (set %2 to wait longer).</source>
        <translation>enrollee-cli&#xa0;: le trousseau de clés n’a pas répondu en %1 s&#xa0;; la commande continue sans lui (définissez %2 pour attendre plus longtemps).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>enrollee-cli: waiting for the keychain (it may be locked and asking for its password)…</source>
        <translation>enrollee-cli&#xa0;: en attente du trousseau de clés (il est peut-être verrouillé et demande son mot de passe)…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>enrollee-cli: warning: no keychain: %1; API keys must come from SMILEID_API_KEY or --api-key-file, and the history chain key is kept in a file beside the history.</source>
        <translation>enrollee-cli: avertissement&#xa0;: aucun trousseau de clés (%1)&#xa0;; les clés d’API doivent provenir de SMILEID_API_KEY ou de --api-key-file, et la clé de chaînage de l’historique est conservée dans un fichier à côté de l’historique.</translation>
    </message>
</context>
<context>
    <name>KnownState</name>
    <message>
        <location filename="../../ui/lookup/KnownState.cpp" line="+27"/>
        <source>No actions recorded for this user.</source>
        <translation>Aucune action enregistrée pour cet utilisateur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No successful action recorded for this user.</source>
        <translation>Aucune action réussie enregistrée pour cet utilisateur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deactivated</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>flagged as fraud</source>
        <translation>signalé comme frauduleux</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>re-enrollment allowed</source>
        <translation>réinscription autorisée</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../ui/LanguageMenu.cpp" line="+10"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The language applies the next time Enrollee Console starts.</source>
        <translation>La langue s’appliquera au prochain démarrage d’Enrollee Console.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
</context>
<context>
    <name>LanguageSwitch</name>
    <message>
        <location filename="../../ui/LanguageSwitch.cpp" line="+30"/>
        <source>The language changes once the action or bulk run in flight has finished.</source>
        <translation>La langue changera dès que l’action ou le traitement par lot en cours sera terminé.</translation>
    </message>
</context>
<context>
    <name>LookupPanel</name>
    <message>
        <location filename="../../ui/lookup/LookupPanel.cpp" line="+26"/>
        <source>Demo enrollees on the local sandbox</source>
        <translation>Inscrits de démonstration du bac à sable local</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Look up a user</source>
        <translation>Rechercher un utilisateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;User ID:</source>
        <translation>Identifiant &amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User ID</source>
        <translation>Identifiant utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The user_id the enrollee was registered with</source>
        <translation>L’identifiant utilisateur (user_id) sous lequel l’inscrit a été enregistré</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Act on them in the Bulk tab</source>
        <translation>Les traiter dans l’onglet Lots</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the pasted user IDs to the Bulk tab</source>
        <translation>Déplacer les identifiants collés vers l’onglet Lots</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Demo enrollees</source>
        <translation>Inscrits de démonstration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click a demo enrollee to look it up</source>
        <translation>Cliquez sur un inscrit de démonstration pour le rechercher</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What this console knows</source>
        <translation>Ce que sait cette console</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Smile ID&apos;s API cannot read a user&apos;s live state: this is only what this console&apos;s history recorded. Changes made elsewhere (the portal, other tools) are not shown.</source>
        <translation>L’API de Smile ID ne permet pas de lire l’état actuel d’un utilisateur&#xa0;: seules les informations consignées dans l’historique de cette console sont affichées. Les modifications effectuées ailleurs (portail, autres outils) n’apparaissent pas.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Past actions for this user</source>
        <translation>Actions passées pour cet utilisateur</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>Warning: the history check found breaks (%1). The past actions and the state shown here may have been altered; see the History tab.</source>
        <translation>Attention : la vérification de l’historique a trouvé des ruptures (%1). Les actions passées et l’état affichés ici ont peut-être été modifiés ; voir l’onglet Historique.</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>This is %n user IDs, one a line. This field acts on one user; the Bulk tab acts on a list.</source>
        <translation>
            <numerusform>Ceci est %n identifiant utilisateur par ligne. Ce champ agit sur un utilisateur&#xa0;; l’onglet Lots agit sur une liste.</numerusform>
            <numerusform>Ceci fait %n identifiants utilisateur, un par ligne. Ce champ agit sur un utilisateur&#xa0;; l’onglet Lots agit sur une liste.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type or pick a user ID to see what this console knows and to act on it.</source>
        <translation>Saisissez ou choisissez un identifiant utilisateur pour voir ce que sait cette console et agir sur cet utilisateur.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Leading and trailing spaces will be removed: &quot;%1&quot;.</source>
        <translation>Les espaces en début et en fin seront supprimés&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No user selected.</source>
        <translation>Aucun utilisateur sélectionné.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading history…</source>
        <translation>Lecture de l’historique…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last known state: unknown (the history could not be read).</source>
        <translation>Dernier état connu&#xa0;: inconnu (l’historique n’a pas pu être lu).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last known state: %1</source>
        <translation>Dernier état connu&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (as of %1)</source>
        <translation> (au %1)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This user&apos;s history could not be read:</source>
        <translation>L’historique de cet utilisateur n’a pas pu être lu&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The past actions and the state shown may be incomplete:</source>
        <translation>Les actions passées et l’état affichés peuvent être incomplets&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>
(and %n more)</source>
        <translation>
            <numerusform>
(et %n autre)</numerusform>
            <numerusform>
(et %n autres)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="+316"/>
        <source>Enrollee Console — %1</source>
        <translation>Enrollee Console — %1</translation>
    </message>
    <message>
        <location line="-229"/>
        <source>Lookup and actions</source>
        <translation>Consultation et actions</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Views</source>
        <translation>Vues</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lookup and actions</source>
        <translation>&amp;Consultation et actions</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>This console&apos;s history says user &quot;%1&quot; was deleted (%2). Smile ID refuses every action on a deleted user ID (code 2208), so none is offered. The ID is free for a new enrollment.</source>
        <translation>D’après l’historique de cette console, l’utilisateur « %1 » a été supprimé (%2). Smile ID refuse toute action sur un identifiant supprimé (code 2208) : aucune n’est proposée. L’identifiant est libre pour une nouvelle inscription.</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Enrollee Console — %1 (%2)</source>
        <translation>Enrollee Console — %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[PRODUCTION] %1</source>
        <translation>[PRODUCTION] %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Profiles can be changed once the action in flight has finished.</source>
        <translation>Les profils pourront être changés une fois l’action en cours terminée.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Quit while a request is in flight?</source>
        <translation>Quitter alors qu’une requête est en cours&#xa0;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An action is waiting for Smile ID&apos;s answer. If you quit now, the server may still carry it out, but this console will record its outcome as unknown.</source>
        <translation>Une action attend la réponse de Smile ID. Si vous quittez maintenant, le serveur peut encore l’exécuter, mais cette console enregistrera son résultat comme inconnu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit anyway</source>
        <translation>Quitter quand même</translation>
    </message>
</context>
<context>
    <name>PolicyFourEyes</name>
    <message>
        <location filename="../../app/core/approvals/PolicyFourEyes.cpp" line="+24"/>
        <source>No team trail is connected: there is no second officer to ask.</source>
        <translation>Aucun journal d’équipe n’est connecté&#xa0;: il n’y a pas de second agent à qui demander.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+11"/>
        <source>%1 in %2 needs a second officer&apos;s approval.</source>
        <translation>%1 en %2 nécessite l’approbation d’un second agent.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>There is no request #%1.</source>
        <translation>Il n’existe pas de demande n° %1.</translation>
    </message>
</context>
<context>
    <name>PrivateFiles</name>
    <message>
        <location filename="../../app/core/settings/PrivateFiles.cpp" line="+42"/>
        <source>%1 is not a folder.</source>
        <translation>%1 n’est pas un dossier.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot make %1 private to this user.</source>
        <translation>Impossible de réserver %1 à cet utilisateur.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The disk is full: %1 cannot be written.</source>
        <translation>Le disque est plein&#xa0;: impossible d’écrire %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The disk is read-only: %1 cannot be written.</source>
        <translation>Le disque est en lecture seule&#xa0;: impossible d’écrire %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Permission denied: %1 cannot be written.</source>
        <translation>Permission refusée&#xa0;: impossible d’écrire %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The folder of %1 does not exist or is not a folder.</source>
        <translation>Le dossier de %1 n’existe pas ou n’est pas un dossier.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 could not be written.</source>
        <translation>%1 n’a pas pu être écrit.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 could not be written: %2.</source>
        <translation>%1 n’a pas pu être écrit&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>ProductionBanner</name>
    <message>
        <location filename="../../ui/profiles/ProductionBanner.cpp" line="+31"/>
        <source>PRODUCTION — actions change real people&apos;s enrollments at Smile ID (%1).</source>
        <translation>PRODUCTION — les actions modifient les inscriptions de personnes réelles chez Smile ID (%1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Smile ID sandbox — test data only; nothing here affects real people.</source>
        <translation>Bac à sable Smile ID — données de test uniquement&#xa0;; rien ici n’affecte des personnes réelles.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Local sandbox — an emulator on this computer with demo enrollees; nothing leaves this machine.</source>
        <translation>Bac à sable local — un émulateur sur cet ordinateur avec des inscrits de démonstration&#xa0;; rien ne quitte cette machine.</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <location filename="../../app/core/settings/Profile.cpp" line="+35"/>
        <source>Smile ID sandbox</source>
        <translation>Bac à sable Smile ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PRODUCTION</source>
        <translation>PRODUCTION</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Local sandbox</source>
        <translation>Bac à sable local</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The base URL %1 is Smile ID&apos;s %2, but the profile&apos;s environment is %3. Set the environment to %2, or use another base URL.</source>
        <translation>L’URL de base %1 est celle de l’environnement %2 de Smile ID, mais l’environnement du profil est %3. Réglez l’environnement sur %2, ou utilisez une autre URL de base.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The local sandbox runs on this computer, but the base URL points at %1. Use a 127.0.0.1 or localhost base URL, or choose the environment that host belongs to.</source>
        <translation>Le bac à sable local tourne sur cet ordinateur, mais l’URL de base pointe vers %1. Utilisez une URL de base en 127.0.0.1 ou localhost, ou choisissez l’environnement auquel appartient cet hôte.</translation>
    </message>
</context>
<context>
    <name>ProfileBar</name>
    <message>
        <location filename="../../ui/profiles/ProfileBar.cpp" line="+14"/>
        <source>&amp;Profiles…</source>
        <translation>&amp;Profils…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source>Active profile</source>
        <translation>Profil actif</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Profile:</source>
        <translation>Profil&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+33"/>
        <source>Switch the profile actions are sent with</source>
        <translation>Changer le profil utilisé pour envoyer les actions</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Manage profiles</source>
        <translation>Gérer les profils</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add, edit, remove or switch profiles</source>
        <translation>Ajouter, modifier, supprimer ou changer de profil</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A request is in flight: switch profile once it has finished</source>
        <translation>Une requête est en cours : changez de profil une fois qu’elle est terminée</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Local sandbox (built in)</source>
        <translation>Bac à sable local (intégré)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Environment: %1</source>
        <translation>Environnement&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>partner %1 · %2 · %3</source>
        <translation>partenaire %1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The local sandbox: an emulator built into this program, listening on %1, with demo enrollees. Nothing you send leaves this computer.</source>
        <translation>Le bac à sable local&#xa0;: un émulateur intégré à ce programme, à l’écoute sur %1, avec des inscrits de démonstration. Rien de ce que vous envoyez ne quitte cet ordinateur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Actions are sent to %1 at %2.</source>
        <translation>Les actions sont envoyées à %1 à l’adresse %2.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>demo key</source>
        <translation>clé de démonstration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>API key in memory only</source>
        <translation>Clé d’API en mémoire seulement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>API key ready</source>
        <translation>Clé d’API prête</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading the API key…</source>
        <translation>Lecture de la clé d’API…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No API key</source>
        <translation>Pas de clé d’API</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No keychain: enter the key</source>
        <translation>Pas de trousseau : saisissez la clé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keychain error</source>
        <translation>Erreur du trousseau</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No keychain is available: this API key is held in memory for this session only and is gone when the console quits.</source>
        <translation>Aucun trousseau n’est disponible : cette clé d’API est gardée en mémoire pour cette session seulement et disparaît à la fermeture de la console.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>API key: %1</source>
        <translation>Clé d’API&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ProfileCommand</name>
    <message>
        <location filename="../../app/cli/ProfileCommand.cpp" line="+34"/>
        <source>Usage: enrollee-cli profile list|add|remove|use|set-key … (each takes --help).
  list                 show the saved profiles (* = default)
  add NAME --partner-id ID --email ADDR [--environment ENV] [--scheme S] [--base-url URL] [--api-key-file PATH] [--use]
  remove NAME          forget a profile and its keychain key
  use NAME             make NAME the default profile
  set-key NAME         store NAME&apos;s API key in the keychain (from standard input or --api-key-file)</source>
        <translation>Utilisation&#xa0;: enrollee-cli profile list|add|remove|use|set-key … (chacune accepte --help).
  list                 affiche les profils enregistrés (* = profil par défaut)
  add NAME --partner-id ID --email ADDR [--environment ENV] [--scheme S] [--base-url URL] [--api-key-file PATH] [--use]
  remove NAME          oublie un profil et sa clé dans le trousseau de clés
  use NAME             fait de NAME le profil par défaut
  set-key NAME         enregistre la clé d’API de NAME dans le trousseau de clés (depuis l’entrée standard ou --api-key-file)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>profile needs a sub-command.</source>
        <translation>profile nécessite une sous-commande.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown profile sub-command &quot;%1&quot;.</source>
        <translation>Sous-commande de profile inconnue «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The profile&apos;s name.</source>
        <translation>Le nom du profil.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Usage: enrollee-cli profile %1 NAME</source>
        <translation>Utilisation&#xa0;: enrollee-cli profile %1 NAME</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A profile name is one line of at most 64 characters.</source>
        <translation>Un nom de profil tient sur une seule ligne de 64 caractères au maximum.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Show the saved profiles; * marks the default one.</source>
        <translation>Afficher les profils enregistrés&#xa0;; * indique le profil par défaut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+36"/>
        <location line="+47"/>
        <location line="+27"/>
        <location line="+18"/>
        <source>The sub-command.</source>
        <translation>La sous-commande.</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>No profiles yet: enrollee-cli profile add NAME --partner-id ID --email ADDR</source>
        <translation>Aucun profil pour le moment&#xa0;: enrollee-cli profile add NAME --partner-id ID --email ADDR</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save a profile (replacing one of the same name).</source>
        <translation>Enregistrer un profil (en remplaçant celui qui porte le même nom).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Store the API key in this file in the keychain.</source>
        <translation>Enregistrer dans le trousseau de clés la clé d’API contenue dans ce fichier.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make it the default profile.</source>
        <translation>En faire le profil par défaut.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Could not write %1.</source>
        <translation>Impossible d’écrire %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile &quot;%1&quot; saved as the default.</source>
        <translation>Profil «&#xa0;%1&#xa0;» enregistré comme profil par défaut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile &quot;%1&quot; saved.</source>
        <translation>Profil «&#xa0;%1&#xa0;» enregistré.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Forget a profile and delete its API key from the keychain.</source>
        <translation>Oublier un profil et supprimer sa clé d’API du trousseau de clés.</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>There is no profile &quot;%1&quot;.</source>
        <translation>Il n’existe aucun profil «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Could not write %1; profile &quot;%2&quot; and its API key are kept.</source>
        <translation>Impossible d’écrire %1&#xa0;; le profil «&#xa0;%2&#xa0;» et sa clé d’API sont conservés.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Profile &quot;%1&quot; removed.</source>
        <translation>Profil «&#xa0;%1&#xa0;» supprimé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Its API key could not be removed from the keychain: %1</source>
        <translation>Sa clé d’API n’a pas pu être supprimée du trousseau de clés&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Make a saved profile the default for actions and sign.</source>
        <translation>Faire d’un profil enregistré le profil par défaut pour les actions et pour sign.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not write %1; the default profile is unchanged.</source>
        <translation>Impossible d’écrire %1&#xa0;; le profil par défaut est inchangé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot; is now the default profile.</source>
        <translation>«&#xa0;%1&#xa0;» est désormais le profil par défaut.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Store a profile&apos;s API key in the keychain, read from standard input (not echoed on a terminal) or from --api-key-file.</source>
        <translation>Enregistrer la clé d’API d’un profil dans le trousseau de clés, lue depuis l’entrée standard (sans écho sur un terminal) ou depuis --api-key-file.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No API key was given; nothing was stored.</source>
        <translation>Aucune clé d’API n’a été fournie&#xa0;; rien n’a été enregistré.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The API key given is not UTF-8 text; nothing was stored.</source>
        <translation>La clé d’API fournie n’est pas du texte UTF-8&#xa0;; rien n’a été enregistré.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>API key for profile &quot;%1&quot; (not shown): </source>
        <translation>Clé d’API du profil «&#xa0;%1&#xa0;» (non affichée)&#xa0;: </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The API key of profile &quot;%1&quot; is stored in the keychain.</source>
        <translation>La clé d’API du profil «&#xa0;%1&#xa0;» est enregistrée dans le trousseau de clés.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The API key was not stored (%1); use SMILEID_API_KEY or --api-key-file instead.</source>
        <translation>La clé d’API n’a pas été enregistrée (%1)&#xa0;; utilisez plutôt SMILEID_API_KEY ou --api-key-file.</translation>
    </message>
</context>
<context>
    <name>ProfileController</name>
    <message>
        <location filename="../../ui/profiles/ProfileController.cpp" line="+112"/>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The local sandbox is starting…</source>
        <translation>Le bac à sable local démarre…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading the API key from the keychain…</source>
        <translation>Lecture de la clé d’API dans le trousseau de clés…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No API key is stored for this profile.</source>
        <translation>Aucune clé d’API n’est enregistrée pour ce profil.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No API key is stored for this profile; edit the profile to enter it.</source>
        <translation>Aucune clé d’API n’est enregistrée pour ce profil&#xa0;; modifiez le profil pour la saisir.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No keychain is available. Enter the API key in the profile; it is kept in memory for this session only.</source>
        <translation>Aucun trousseau n’est disponible. Saisissez la clé d’API dans le profil ; elle est gardée en mémoire pour cette session seulement.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The keychain did not give the API key: %1</source>
        <translation>Le trousseau de clés n’a pas fourni la clé d’API&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../ui/profiles/ProfileDialog.cpp" line="+105"/>
        <source>Production profile: actions change real people&apos;s enrollments.</source>
        <translation>Profil de production : les actions modifient les inscriptions de personnes réelles.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, production</source>
        <translation>%1, production</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>the new profile</source>
        <translation>le nouveau profil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save your changes to %1?</source>
        <translation>Enregistrer vos modifications de %1 ?</translation>
    </message>
    <message>
        <location line="-141"/>
        <source>Profiles</source>
        <translation>Profils</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved profiles</source>
        <translation>Profils enregistrés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New profile</source>
        <translation>Nouveau profil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>Supp&amp;rimer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove profile</source>
        <translation>Supprimer le profil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The built-in local sandbox is always available and needs no profile.</source>
        <translation>Le bac à sable local intégré est toujours disponible et ne nécessite aucun profil.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Use this profile</source>
        <translation>&amp;Utiliser ce profil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save profile</source>
        <translation>Enregistrer le profil</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Save and switch to this profile</source>
        <translation>Enregistrer et basculer sur ce profil</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Saved &quot;%1&quot;; its API key is in the keychain.</source>
        <translation>«&#xa0;%1&#xa0;» enregistré&#xa0;; sa clé d’API se trouve dans le trousseau de clés.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved &quot;%1&quot;. No keychain (%2): the API key is kept in memory for this session only and must be entered again next time.</source>
        <translation>«&#xa0;%1&#xa0;» enregistré. Aucun trousseau de clés (%2)&#xa0;: la clé d’API est conservée en mémoire pour cette session uniquement et devra être saisie de nouveau la prochaine fois.</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>Remove profile?</source>
        <translation>Supprimer le profil&#xa0;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove profile &quot;%1&quot; and its stored API key? History entries are kept.</source>
        <translation>Supprimer le profil «&#xa0;%1&#xa0;» et sa clé d’API enregistrée&#xa0;? Les entrées de l’historique sont conservées.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The API key is stored in the system keychain (service &quot;%1&quot;) and never shown again.</source>
        <translation>La clé d’API est enregistrée dans le trousseau de clés du système (service «&#xa0;%1&#xa0;») et ne sera plus jamais affichée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No keychain is available on this desktop. API keys entered now are kept in memory for this session only.</source>
        <translation>Aucun trousseau de clés n’est disponible sur ce bureau. Les clés d’API saisies maintenant sont conservées en mémoire pour cette session uniquement.</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <location filename="../../ui/profiles/ProfileForm.cpp" line="+21"/>
        <source>Profile name</source>
        <translation>Nom du profil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partner ID</source>
        <translation>Identifiant partenaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 085, from the Smile ID portal</source>
        <translation>p. ex. 085, indiqué sur le portail Smile ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator email</source>
        <translation>Adresse e-mail de l’opérateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you@your-company.com — recorded by Smile ID</source>
        <translation>vous@entreprise.com — consignée par Smile ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environment</source>
        <translation>Environnement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signing scheme</source>
        <translation>Méthode de signature</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature (HMAC, current)</source>
        <translation>Signature (HMAC, actuelle)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sec_key (legacy accounts)</source>
        <translation>sec_key (anciens comptes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base URL override</source>
        <translation>URL de base personnalisée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional, e.g. https://testapi.example.com</source>
        <translation>facultatif, ex. https://testapi.example.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API key</source>
        <translation>Clé d’API</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+6"/>
        <source>Show the API key</source>
        <translation>Afficher la clé d’API</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+4"/>
        <source>Sho&amp;w</source>
        <translation>Affic&amp;her</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hi&amp;de</source>
        <translation>Mas&amp;quer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide the API key</source>
        <translation>Masquer la clé d’API</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Where the API key is kept</source>
        <translation>Lieu de conservation de la clé d’API</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Profile problem</source>
        <translation>Problème de profil</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Profile status</source>
        <translation>État du profil</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Name:</source>
        <translation>N&amp;om&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Partner ID:</source>
        <translation>Identifiant &amp;partenaire&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator &amp;email:</source>
        <translation>&amp;Adresse e-mail de l’opérateur&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;nvironment:</source>
        <translation>En&amp;vironnement&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signing &amp;scheme:</source>
        <translation>&amp;Méthode de signature&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Base URL:</source>
        <translation>URL de &amp;base&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API &amp;key:</source>
        <translation>&amp;Clé d’API&#xa0;:</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Give the profile a name.</source>
        <translation>Donnez un nom au profil.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is the built-in profile&apos;s name; choose another.</source>
        <translation>«&#xa0;%1&#xa0;» est le nom du profil intégré&#xa0;; choisissez-en un autre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A profile named &quot;%1&quot; already exists.</source>
        <translation>Un profil nommé «&#xa0;%1&#xa0;» existe déjà.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Enter the API key for this profile.</source>
        <translation>Saisissez la clé d’API de ce profil.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Paste the API key from the Smile ID portal</source>
        <translation>Collez la clé d’API depuis le portail Smile ID</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+26"/>
        <source>Stored — leave empty to keep the current key</source>
        <translation>Enregistrée — laissez vide pour conserver la clé actuelle</translation>
    </message>
</context>
<context>
    <name>PromptService</name>
    <message>
        <location filename="../../ui/PromptService.cpp" line="+119"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>(required)</source>
        <translation>(obligatoire)</translation>
    </message>
</context>
<context>
    <name>ResponseParser</name>
    <message>
        <location filename="../../app/core/api/ResponseParser.cpp" line="+48"/>
        <source>the server sent an empty body</source>
        <translation>le serveur a envoyé un corps vide</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the body was %1 bytes, more than expected; only the first %2 are kept</source>
        <translation>le corps faisait %1 octets, plus que prévu&#xa0;; seuls les %2 premiers sont conservés</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the body is not UTF-8 text</source>
        <translation>le corps n’est pas du texte UTF-8</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the server sent a web page instead of JSON (a proxy or an outage page?)</source>
        <translation>le serveur a envoyé une page web au lieu de JSON (un proxy ou une page de panne&#xa0;?)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the body is not valid JSON (%1 at byte %2)</source>
        <translation>le corps n’est pas du JSON valide (%1 à l’octet %2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the JSON body is not an object</source>
        <translation>le corps JSON n’est pas un objet</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>the server answered for user_id &quot;%1&quot;, not &quot;%2&quot;; whether the action was applied to &quot;%2&quot; is unknown</source>
        <translation>le serveur a répondu pour le user_id «&#xa0;%1&#xa0;», pas «&#xa0;%2&#xa0;»&#xa0;; on ne sait pas si l’action a été appliquée à «&#xa0;%2&#xa0;»</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <location filename="../../ui/actions/ResultView.cpp" line="+18"/>
        <source>Result of the last action</source>
        <translation>Résultat de la dernière action</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result status</source>
        <translation>État du résultat</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the raw response</source>
        <translation>Afficher la réponse brute</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Raw response</source>
        <translation>Réponse brute</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>No action sent yet in this session.</source>
        <translation>Aucune action envoyée pour le moment dans cette session.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Success</source>
        <translation>Succès</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Recorded in history as record #%1.</source>
        <translation>Consigné dans l’historique sous l’enregistrement n° %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recorded in history as record #%1, with outcome unknown.</source>
        <translation>Consigné dans l’historique sous l’enregistrement n° %1, avec un résultat inconnu.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>URL: %1
Outcome: %2
HTTP status: %3
Code: %4
Message: %5
Attempts: %6
Time: %7 ms
</source>
        <translation>URL&#xa0;: %1
Résultat&#xa0;: %2
Statut HTTP&#xa0;: %3
Code&#xa0;: %4
Message&#xa0;: %5
Tentatives&#xa0;: %6
Durée&#xa0;: %7 ms
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Body: %1
</source>
        <translation>Corps&#xa0;: %1
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>
Response:
</source>
        <translation>
Réponse&#xa0;:
</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Outcome unknown</source>
        <translation>Résultat inconnu</translation>
    </message>
</context>
<context>
    <name>SandboxCommand</name>
    <message>
        <location filename="../../app/cli/SandboxCommand.cpp" line="+62"/>
        <source>Serve the local Smile ID sandbox (POST %1) in the foreground until Ctrl+C or SIGTERM. The first line of output is its URL. The API key comes from SMILEID_API_KEY or --api-key-file, else the demo key &quot;%2&quot;; its legacy (sec_key) key pair is made afresh each run unless --rsa-private-key-file is given; --sec-key-api-key-file writes the matching API key for sec_key clients (--api-key-file PATH).</source>
        <translation>Exécute le bac à sable Smile ID local (POST %1) au premier plan jusqu’à Ctrl+C ou SIGTERM. La première ligne affichée est son URL. La clé d’API provient de SMILEID_API_KEY ou de --api-key-file, à défaut la clé de démonstration «&#xa0;%2&#xa0;»&#xa0;; sa paire de clés de l’ancien système (sec_key) est générée à chaque exécution, sauf si --rsa-private-key-file est indiqué&#xa0;; --sec-key-api-key-file écrit la clé d’API correspondante pour les clients sec_key (--api-key-file PATH).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The command.</source>
        <translation>La commande.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address to listen on (default %1).</source>
        <translation>Adresse d’écoute (par défaut %1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ADDR</source>
        <translation>ADDR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port to listen on (default %1; 0 = any free port).</source>
        <translation>Port d’écoute (par défaut %1&#xa0;; 0 = n’importe quel port libre).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <location line="+9"/>
        <location line="+9"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Add an active enrollee (repeatable).</source>
        <translation>Ajouter un inscrit actif (option répétable).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delay every answer by MS milliseconds.</source>
        <translation>Retarder chaque réponse de MS millisecondes.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+13"/>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>KIND</source>
        <translation>KIND</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Send Retry-After: S with --fault http-error.</source>
        <translation>Envoyer l’en-tête Retry-After: S avec --fault http-error.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Misbehave for the first N requests only.</source>
        <translation>Simuler la défaillance uniquement pour les N premières requêtes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PEM private key for the legacy sec_key scheme (default: a fresh key pair).</source>
        <translation>Clé privée PEM pour l’ancienne méthode sec_key (par défaut&#xa0;: une nouvelle paire de clés).</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Write the API key sec_key clients use with this sandbox to PATH.</source>
        <translation>Écrire dans PATH la clé d’API que les clients sec_key utilisent avec ce bac à sable.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>sandbox takes no arguments besides its options.</source>
        <translation>sandbox n’accepte aucun argument en dehors de ses options.</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>--latency takes milliseconds (0 to 600000).</source>
        <translation>--latency attend une durée en millisecondes (de 0 à 600000).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown fault &quot;%1&quot;.</source>
        <translation>Défaillance inconnue «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--fault-status takes an HTTP status (100 to 599).</source>
        <translation>--fault-status attend un statut HTTP (de 100 à 599).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--retry-after takes seconds (0 to 86400).</source>
        <translation>--retry-after attend une durée en secondes (de 0 à 86400).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--fault-count takes a number of requests.</source>
        <translation>--fault-count attend un nombre de requêtes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--drip-interval takes milliseconds (1 to 600000).</source>
        <translation>--drip-interval attend des millisecondes (de 1 à 600000).</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Add an active enrollee for every user ID in FILE (a CSV with a user_id column, or one ID per line).</source>
        <translation>Ajouter un inscrit actif pour chaque identifiant utilisateur de FILE (un CSV avec une colonne user_id, ou un identifiant par ligne).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Above N requests in any second, answer 429 (code 2222) with Retry-After: 1 (default 0: no limit).</source>
        <translation>Au-delà de N requêtes dans une même seconde, répondre 429 (code 2222) avec Retry-After: 1 (0 par défaut&#xa0;: pas de limite).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Misbehave: none, http-error, html, empty, truncated, reset, hang, system-error, drip, body, broken-chunked, interim.</source>
        <translation>Mal se comporter&#xa0;: none, http-error, html, empty, truncated, reset, hang, system-error, drip, body, broken-chunked, interim.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HTTP status for --fault http-error (default 500) or body (default 200).</source>
        <translation>Statut HTTP pour --fault http-error (500 par défaut) ou body (200 par défaut).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The body --fault body answers with, as given.</source>
        <translation>Le corps renvoyé par --fault body, tel quel.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --fault drip, send one body byte every MS milliseconds (default 2000).</source>
        <translation>Avec --fault drip, envoyer un octet du corps toutes les MS millisecondes (2000 par défaut).</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>--rate-limit takes requests per second (0 = no limit).</source>
        <translation>--rate-limit attend un nombre de requêtes par seconde (0 = pas de limite).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--port takes a port number (0 to 65535).</source>
        <translation>--port attend un numéro de port (de 0 à 65535).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--host takes an IP address such as 127.0.0.1, not &quot;%1&quot;.</source>
        <translation>--host attend une adresse IP telle que 127.0.0.1, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not UTF-8 text, so it is not a PEM private key.</source>
        <translation>%1 n’est pas du texte UTF-8, ce n’est donc pas une clé privée PEM.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is not a PEM private key.</source>
        <translation>%1 n’est pas une clé privée PEM.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation>Impossible d’écouter sur %1, port %2&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Local sandbox stopped.</source>
        <translation>Bac à sable local arrêté.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>warning: listening on %1, which other computers can reach; clients refuse plain HTTP to it.</source>
        <translation>avertissement&#xa0;: écoute sur %1, accessible depuis d’autres ordinateurs&#xa0;; les clients refusent de s’y connecter en HTTP simple.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Local sandbox for partner %1 with %2 enrollees (%3); API key: %4. Stop with Ctrl+C.</source>
        <translation>Bac à sable local pour le partenaire %1&#xa0;; inscrits (%2)&#xa0;: %3&#xa0;; clé d’API&#xa0;: %4. Arrêtez-le avec Ctrl+C.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the demo key &quot;%1&quot;</source>
        <translation>la clé de démonstration «&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>SandboxLink</name>
    <message>
        <location filename="../../ui/SandboxLink.cpp" line="+20"/>
        <source>The local sandbox could not start: %1</source>
        <translation>Le bac à sable local n’a pas pu démarrer&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Local sandbox listening on %1</source>
        <translation>Bac à sable local à l’écoute sur %1</translation>
    </message>
</context>
<context>
    <name>SandboxServer</name>
    <message>
        <location filename="../../app/sandbox/SandboxServer.cpp" line="+281"/>
        <source>Only POST is allowed on %1.</source>
        <translation>Seule la méthode POST est autorisée sur %1.</translation>
    </message>
    <message>
        <location line="-141"/>
        <source>System error</source>
        <translation>Erreur système</translation>
    </message>
    <message>
        <location line="+185"/>
        <source>Too many requests; try again later.</source>
        <translation>Trop de requêtes&#xa0;; réessayez plus tard.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>No such endpoint: %1. This sandbox serves POST %2.</source>
        <translation>Point de terminaison inexistant&#xa0;: %1. Ce bac à sable sert POST %2.</translation>
    </message>
</context>
<context>
    <name>SignCommand</name>
    <message>
        <location filename="../../app/cli/SignCommand.cpp" line="+22"/>
        <source>Print a request signature as JSON: {&quot;signature&quot;, &quot;timestamp&quot;}, or with --scheme sec_key {&quot;sec_key&quot;, &quot;timestamp&quot;} (unix seconds).</source>
        <translation>Affiche une signature de requête au format JSON&#xa0;: {&quot;signature&quot;, &quot;timestamp&quot;}, ou avec --scheme sec_key {&quot;sec_key&quot;, &quot;timestamp&quot;} (secondes Unix).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The command.</source>
        <translation>La commande.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign this timestamp (echoed exactly) instead of the current time.</source>
        <translation>Signer cet horodatage (restitué tel quel) au lieu de l’heure actuelle.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TS</source>
        <translation>TS</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>sign takes no arguments besides its options.</source>
        <translation>sign n’accepte aucun argument en dehors de ses options.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>--timestamp is empty.</source>
        <translation>--timestamp est vide.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>With --scheme sec_key the timestamp is whole unix seconds, not &quot;%1&quot;.</source>
        <translation>Avec --scheme sec_key, l’horodatage est un nombre entier de secondes Unix, et non «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>Signer</name>
    <message>
        <location filename="../../app/core/api/Signer.cpp" line="+93"/>
        <location line="+39"/>
        <source>The API key is empty.</source>
        <translation>La clé d’API est vide.</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>The partner ID is empty.</source>
        <translation>L’identifiant partenaire est vide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The timestamp is empty.</source>
        <translation>L’horodatage est vide.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>HMAC-SHA256 failed: %1</source>
        <translation>Échec de HMAC-SHA256&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The legacy sec_key scheme needs a numeric partner ID; &quot;%1&quot; is not one.</source>
        <translation>L’ancienne méthode sec_key nécessite un identifiant partenaire numérique&#xa0;; «&#xa0;%1&#xa0;» n’en est pas un.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This API key is not a legacy (sec_key) key: it should be base64 of a PEM RSA public key. Accounts created recently use the signature scheme instead.</source>
        <translation>Cette clé d’API n’est pas une clé de l’ancien système (sec_key)&#xa0;: elle devrait être l’encodage base64 d’une clé publique RSA au format PEM. Les comptes créés récemment utilisent plutôt la méthode signature.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>RSA encryption could not start: %1</source>
        <translation>Le chiffrement RSA n’a pas pu démarrer&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>RSA encryption failed: %1</source>
        <translation>Échec du chiffrement RSA&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>RSA encryption failed (is the key large enough?): %1</source>
        <translation>Échec du chiffrement RSA (la clé est-elle assez longue&#xa0;?)&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>sec_key has no &apos;|&apos; separator</source>
        <translation>sec_key n’a pas de séparateur &apos;|&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sec_key hash does not match partner_id and timestamp</source>
        <translation>l’empreinte de sec_key ne correspond pas au partner_id et à l’horodatage</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sec_key ciphertext is not base64</source>
        <translation>le texte chiffré de sec_key n’est pas en base64</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>private key is unreadable</source>
        <translation>la clé privée est illisible</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>RSA decryption could not start</source>
        <translation>le déchiffrement RSA n’a pas pu démarrer</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+7"/>
        <source>sec_key does not decrypt with this key</source>
        <translation>sec_key ne se déchiffre pas avec cette clé</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>decrypted sec_key does not match its hash</source>
        <translation>le sec_key déchiffré ne correspond pas à son empreinte</translation>
    </message>
</context>
<context>
    <name>TeamAnswers</name>
    <message>
        <location filename="../../app/team/TeamAnswers.cpp" line="+31"/>
        <source>The team trail went away or came back while this list was being read: read it again from the top.</source>
        <translation>La piste d’équipe a disparu ou est revenue pendant la lecture de cette liste&#xa0;: relisez-la depuis le début.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Team record #%1 cannot be read now: the team trail cannot be reached (%2).</source>
        <translation>L’enregistrement d’équipe n°&#xa0;%1 ne peut pas être lu maintenant&#xa0;: la piste d’équipe est injoignable (%2).</translation>
    </message>
</context>
<context>
    <name>TeamApprovals</name>
    <message>
        <location filename="../../app/team/TeamApprovals.cpp" line="+127"/>
        <source>There is no request #%1.</source>
        <translation>Il n’existe pas de demande n° %1.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>No request for run %1 was made by you.</source>
        <translation>Vous n’avez fait aucune demande pour le traitement %1.</translation>
    </message>
</context>
<context>
    <name>TeamCommand</name>
    <message>
        <location filename="../../app/cli/TeamCommand.cpp" line="+28"/>
        <source>The team&apos;s shared audit trail on PostgreSQL.
  team init --conninfo &quot;host=... port=... dbname=... user=ADMIN&quot;   create or upgrade the schema
  team connect --conninfo &quot;... user=YOUR_ROLE&quot; [--save-password]   use it from this console
  team status [--json] | team disconnect
  team policy [--require-approval ACTION,... --environment production] [--bulk-approval-over N]
The password follows libpq: PGPASSWORD, ~/.pgpass, or the keychain (--save-password reads it from standard input); never settings.</source>
        <translation>Le journal d’audit partagé de l’équipe sur PostgreSQL.
  team init --conninfo &quot;host=... port=... dbname=... user=ADMIN&quot;   créer ou mettre à niveau le schéma
  team connect --conninfo &quot;... user=YOUR_ROLE&quot; [--save-password]   l’utiliser depuis cette console
  team status [--json] | team disconnect
  team policy [--require-approval ACTION,... --environment production] [--bulk-approval-over N]
Le mot de passe suit libpq&#xa0;: PGPASSWORD, ~/.pgpass, ou le trousseau de clés (--save-password le lit sur l’entrée standard)&#xa0;; jamais les réglages.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The command.</source>
        <translation>La commande.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>init, connect, status, disconnect or policy.</source>
        <translation>init, connect, status, disconnect ou policy.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>libpq connection words, no password.</source>
        <translation>Mots de connexion libpq, sans mot de passe.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept an sslmode weaker than verify-full for a host that is not this machine (the server&apos;s identity is then not checked).</source>
        <translation>Accepter un sslmode plus faible que verify-full pour un hôte qui n’est pas cette machine (l’identité du serveur n’est alors pas vérifiée).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the role&apos;s password from standard input and keep it in the keychain.</source>
        <translation>Lire le mot de passe du rôle sur l’entrée standard et le conserver dans le trousseau de clés.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Actions needing a second officer (comma-separated; &quot;none&quot; for none).</source>
        <translation>Actions exigeant un second agent (séparées par des virgules&#xa0;; &quot;none&quot; pour aucune).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ACTIONS</source>
        <translation>ACTIONS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bulk runs of more rows than N in --environment need a second officer&apos;s approval of the run as a whole, whatever the action (&quot;none&quot;: no limit).</source>
        <translation>Les traitements par lot de plus de N lignes dans --environment exigent l’approbation du traitement entier par un second agent, quelle que soit l’action («&#xa0;none&#xa0;»&#xa0;: aucune limite).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sandbox or production.</source>
        <translation>sandbox ou production.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ENV</source>
        <translation>ENV</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Usage: enrollee-cli team init|connect|status|disconnect|policy [options]</source>
        <translation>Utilisation&#xa0;: enrollee-cli team init|connect|status|disconnect|policy [options]</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>team %1 needs --conninfo &quot;host=... dbname=... user=...&quot;.</source>
        <translation>team %1 exige --conninfo &quot;host=... dbname=... user=...&quot;.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unknown team command &quot;%1&quot;.</source>
        <translation>Commande team inconnue «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The team trail schema is already at version %1; nothing changed.</source>
        <translation>Le schéma du journal d’équipe est déjà en version %1&#xa0;; rien n’a changé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The team trail schema is now at version %1 (was %2). Grant each officer&apos;s login role the group role: GRANT enrollee_officers TO officer_role;</source>
        <translation>Le schéma du journal d’équipe est maintenant en version %1 (au lieu de %2). Accordez le rôle de groupe au rôle de connexion de chaque agent&#xa0;: GRANT enrollee_officers TO officer_role;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Password of the database role: </source>
        <translation>Mot de passe du rôle de base de données&#xa0;: </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No password given; nothing was saved.</source>
        <translation>Aucun mot de passe fourni&#xa0;; rien n’a été enregistré.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not save the connection in %1.</source>
        <translation>Impossible d’enregistrer la connexion dans %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected to the team trail as database role &quot;%1&quot;; actions from this console now go to it.</source>
        <translation>Connecté au journal d’équipe en tant que rôle de base de données «&#xa0;%1&#xa0;»&#xa0;; les actions de cette console y sont désormais envoyées.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>warning: TLS is weakened: the database server&apos;s identity is not verified.</source>
        <translation>avertissement&#xa0;: TLS affaibli&#xa0;: l’identité du serveur de base de données n’est pas vérifiée.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The password could not be kept in the keychain (%1); use ~/.pgpass or PGPASSWORD.</source>
        <translation>Le mot de passe n’a pas pu être conservé dans le trousseau de clés (%1)&#xa0;; utilisez ~/.pgpass ou PGPASSWORD.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No team trail is connected (enrollee-cli team connect --conninfo ...).</source>
        <translation>Aucun journal d’équipe n’est connecté (enrollee-cli team connect --conninfo ...).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Connected to %1 as &quot;%2&quot;.</source>
        <translation>Connecté à %1 en tant que «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not connected to %1: %2</source>
        <translation>Non connecté à %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n record(s) of this console waiting to be sent.</source>
        <translation>
            <numerusform>%n enregistrement de cette console en attente d’envoi.</numerusform>
            <numerusform>%n enregistrements de cette console en attente d’envoi.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last verified team record: #%1 %2</source>
        <translation>Dernier enregistrement d’équipe vérifié&#xa0;: n° %1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS is weakened: the server&apos;s identity is not verified.</source>
        <translation>TLS affaibli&#xa0;: l’identité du serveur n’est pas vérifiée.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not save the settings in %1.</source>
        <translation>Impossible d’enregistrer les réglages dans %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disconnected from the team trail; this console keeps its own trail.</source>
        <translation>Déconnecté du journal d’équipe&#xa0;; cette console conserve son propre journal.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No team trail is connected; give --conninfo.</source>
        <translation>Aucun journal d’équipe n’est connecté&#xa0;; indiquez --conninfo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--environment is sandbox or production.</source>
        <translation>--environment vaut sandbox ou production.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unknown action &quot;%1&quot;.</source>
        <translation>Action inconnue «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--bulk-approval-over is a number of rows, or &quot;none&quot;.</source>
        <translation>--bulk-approval-over est un nombre de lignes, ou «&#xa0;none&#xa0;».</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No action needs a second officer.</source>
        <translation>Aucune action n’exige de second agent.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 need(s) a second officer&apos;s approval.</source>
        <translation>%1&#xa0;: %2 exige(nt) l’approbation d’un second agent.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1: a bulk run of more than %n row(s) needs a second officer&apos;s approval as a whole.</source>
        <translation>
            <numerusform>%1&#xa0;: un traitement par lot de plus de %n ligne exige l’approbation d’un second agent pour le traitement entier.</numerusform>
            <numerusform>%1&#xa0;: un traitement par lot de plus de %n lignes exige l’approbation d’un second agent pour le traitement entier.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamConnection</name>
    <message>
        <location filename="../../app/team/TeamConnection.cpp" line="+89"/>
        <source>The connection must be written as key=value words, e.g. &quot;host=db.example.org port=5432 dbname=enrollee user=officer_a&quot; (no quotes, no spaces in values).</source>
        <translation>La connexion doit s’écrire sous forme de mots clé=valeur, p. ex. &quot;host=db.example.org port=5432 dbname=enrollee user=officer_a&quot; (sans guillemets ni espaces dans les valeurs).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No password in the connection text: it would be kept in settings. Use PGPASSWORD, ~/.pgpass, or &quot;team connect --save-password&quot; (the keychain).</source>
        <translation>Pas de mot de passe dans le texte de connexion&#xa0;: il serait conservé dans les réglages. Utilisez PGPASSWORD, ~/.pgpass, ou «&#xa0;team connect --save-password&#xa0;» (le trousseau de clés).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The connection needs dbname=... and user=... (your own database role).</source>
        <translation>La connexion exige dbname=... et user=... (votre propre rôle de base de données).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>sslmode=%1 does not check the server&apos;s certificate and name; a team database that is not on this machine needs sslmode=verify-full, or --weaken-tls to accept the risk explicitly.</source>
        <translation>sslmode=%1 ne vérifie ni le certificat ni le nom du serveur&#xa0;; une base de données d’équipe qui n’est pas sur cette machine exige sslmode=verify-full, ou --weaken-tls pour accepter explicitement le risque.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The database refused the password for this role (wrong or missing password: PGPASSWORD, ~/.pgpass or the keychain).</source>
        <translation>La base de données a refusé le mot de passe de ce rôle (mot de passe erroné ou absent&#xa0;: PGPASSWORD, ~/.pgpass ou le trousseau de clés).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database server&apos;s TLS certificate could not be verified or does not match its name.</source>
        <translation>Le certificat TLS du serveur de base de données n’a pas pu être vérifié ou ne correspond pas à son nom.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The team database is down or not listening there.</source>
        <translation>La base de données de l’équipe est arrêtée ou n’écoute pas à cette adresse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no route to the team database&apos;s host (network, VPN or name).</source>
        <translation>Aucune route vers l’hôte de la base de données de l’équipe (réseau, VPN ou nom).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database or role named in the connection does not exist.</source>
        <translation>La base de données ou le rôle indiqué dans la connexion n’existe pas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The team database could not be used.</source>
        <translation>La base de données de l’équipe n’a pas pu être utilisée.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No team database is connected.</source>
        <translation>Aucune base de données d’équipe n’est connectée.</translation>
    </message>
</context>
<context>
    <name>TeamConsoles</name>
    <message>
        <location filename="../../app/team/TeamConsoles.cpp" line="+27"/>
        <source>This console has no signing key yet (its history has no chain key): its records wait until it has one.</source>
        <translation>Cette console n’a pas encore de clé de signature (son historique n’a pas de clé de chaînage)&#xa0;: ses enregistrements attendent qu’elle en ait une.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+39"/>
        <source>Could not read the team&apos;s registered consoles:</source>
        <translation>Impossible de lire les consoles enregistrées de l’équipe&#xa0;:</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Could not register this console&apos;s signing key in the team trail:</source>
        <translation>Impossible d’enregistrer la clé de signature de cette console dans le journal d’équipe&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The team trail refuses this console&apos;s records: its name (%1) is registered to the role %2, not to %3. Nothing was sent; ask the team&apos;s administrator.</source>
        <translation>Le journal d’équipe refuse les enregistrements de cette console&#xa0;: son nom (%1) est enregistré au rôle %2, et non à %3. Rien n’a été envoyé&#xa0;; adressez-vous à l’administrateur de l’équipe.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The team trail refuses this console&apos;s records: its name (%1) is registered with another signing key. The registration was changed in the database; nothing was sent. Ask the team&apos;s administrator.</source>
        <translation>Le journal d’équipe refuse les enregistrements de cette console&#xa0;: son nom (%1) est enregistré avec une autre clé de signature. L’enregistrement a été modifié dans la base&#xa0;; rien n’a été envoyé. Adressez-vous à l’administrateur de l’équipe.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not read the team trail&apos;s schema:</source>
        <translation>Impossible de lire le schéma du journal d’équipe&#xa0;:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>it names a console that was never registered: it was not written by a console (forged)</source>
        <translation>il nomme une console qui n’a jamais été enregistrée&#xa0;: aucune console ne l’a écrit (falsifié)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it names a console registered to %1, but says %2 wrote it (forged)</source>
        <translation>il nomme une console enregistrée au rôle %1, mais se dit écrit par %2 (falsifié)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its signature is not that of the console it names: that console never wrote it (forged, or altered)</source>
        <translation>sa signature n’est pas celle de la console qu’il nomme&#xa0;: cette console ne l’a jamais écrit (falsifié, ou modifié)</translation>
    </message>
</context>
<context>
    <name>TeamController</name>
    <message>
        <location filename="../../ui/team/TeamController.cpp" line="+132"/>
        <source>Request #%1 names an unknown action.</source>
        <translation>La demande n° %1 désigne une action inconnue.</translation>
    </message>
    <message>
        <location line="-108"/>
        <location line="+2"/>
        <location line="+18"/>
        <source>Approvals</source>
        <translation>Approbations</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Approvals (%n)</source>
        <translation>
            <numerusform>Approbations (%n)</numerusform>
            <numerusform>Approbations (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Another officer acted on this user</source>
        <translation>Un autre agent a agi sur cet utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another officer acted on user &quot;%1&quot; in the last hour:
%2

%3 anyway?</source>
        <translation>Un autre agent a agi sur l’utilisateur «&#xa0;%1&#xa0;» dans la dernière heure&#xa0;:
%2

%3 quand même&#xa0;?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 anyway</source>
        <translation>%1 quand même</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of &quot;%2&quot; cancelled; nothing was sent.</source>
        <translation>Action «&#xa0;%1&#xa0;» pour «&#xa0;%2&#xa0;» annulée&#xa0;; rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The approval request could not be recorded; nothing was sent.</source>
        <translation>La demande d’approbation n’a pas pu être enregistrée&#xa0;; rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recorded, awaiting approval by a second officer; nothing was sent.</source>
        <translation>Enregistrée, en attente de l’approbation d’un second agent&#xa0;; rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request #%1: %2 of &quot;%3&quot;. Once another officer approves it, send it from the Approvals tab.</source>
        <translation>Demande n°&#xa0;%1&#xa0;: %2 de «&#xa0;%3&#xa0;». Une fois approuvée par un autre agent, envoyez-la depuis l’onglet Approbations.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Request #%1 is bulk run %2: select it in the Bulk tab&apos;s stored runs and click Resume.</source>
        <translation>La demande n° %1 est le traitement par lot %2&#xa0;: sélectionnez-le parmi les traitements enregistrés de l’onglet Lot et cliquez sur Reprendre.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Request #%1 was made with profile &quot;%2&quot;: switch to it to send it; nothing was sent.</source>
        <translation>La demande n°&#xa0;%1 a été faite avec le profil «&#xa0;%2&#xa0;»&#xa0;: passez à ce profil pour l’envoyer&#xa0;; rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Request #%1 cannot be sent; nothing was sent: %2</source>
        <translation>La demande n°&#xa0;%1 ne peut pas être envoyée&#xa0;; rien n’a été envoyé&#xa0;: %2</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>Request #%1 is being sent.</source>
        <translation>La demande n°&#xa0;%1 est en cours d’envoi.</translation>
    </message>
</context>
<context>
    <name>TeamFourEyes</name>
    <message>
        <location filename="../../app/team/TeamFourEyes.cpp" line="+87"/>
        <source>Held: the team&apos;s policy cannot be checked. %1 (as this console last read the policy, at %2 UTC) The team database cannot be reached to ask for the approval; nothing was sent.</source>
        <translation>Retenu&#xa0;: la règle de l’équipe ne peut pas être vérifiée. %1 (selon la dernière lecture de la règle par cette console, à %2 UTC) La base de l’équipe ne peut pas être jointe pour demander l’approbation&#xa0;; rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Held: the team&apos;s policy cannot be checked. The team database cannot be reached and %1, so anything might need a second officer&apos;s approval; nothing was sent.</source>
        <translation>Retenu&#xa0;: la règle de l’équipe ne peut pas être vérifiée. La base de l’équipe ne peut pas être jointe et %1&#xa0;; toute action peut donc nécessiter l’approbation d’un second agent. Rien n’a été envoyé.</translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>A bulk run of more than %n row(s) in %1 needs a second officer&apos;s approval under the team&apos;s policy.</source>
        <translation>
            <numerusform>Ici (%1), un traitement par lot de plus de %n ligne exige l’approbation d’un second agent selon la politique de l’équipe.</numerusform>
            <numerusform>Ici (%1), un traitement par lot de plus de %n lignes exige l’approbation d’un second agent selon la politique de l’équipe.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Request #%1 cannot be run: %2</source>
        <translation>La demande n° %1 ne peut pas être exécutée&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>not sent: the claim of request #%1 could not be committed</source>
        <translation>non envoyé&#xa0;: la prise en charge de la demande n° %1 n’a pas pu être validée</translation>
    </message>
    <message>
        <location line="-128"/>
        <location line="+35"/>
        <source>%1 in %2 needs a second officer&apos;s approval under the team&apos;s policy.</source>
        <translation>Ici (%2), %1 exige l’approbation d’un second agent selon la politique de l’équipe.</translation>
    </message>
</context>
<context>
    <name>TeamHistoryBackend</name>
    <message>
        <location filename="../../app/team/TeamHistoryBackend.cpp" line="+58"/>
        <source>the team trail (%1), with this console&apos;s own copy in %2</source>
        <translation>le journal d’équipe (%1), avec la copie propre à cette console dans %2</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>No team trail is connected.</source>
        <translation>Aucun journal d’équipe n’est connecté.</translation>
    </message>
    <message>
        <location filename="../../app/team/TeamAnswers.cpp" line="-58"/>
        <source>The team trail cannot be reached, so this shows this console&apos;s own records only: %1</source>
        <translation>Le journal d’équipe est injoignable&#xa0;; seuls les enregistrements propres à cette console sont affichés&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../app/team/TeamChainReport.cpp" line="+14"/>
        <source>The team trail cannot be checked now: the team database cannot be reached (%1).</source>
        <translation>Le journal de l’équipe ne peut pas être contrôlé pour l’instant&#xa0;: la base de l’équipe ne peut pas être jointe (%1).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>this console&apos;s own trail: %1</source>
        <translation>le journal propre à cette console&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>TeamPolicyCache</name>
    <message>
        <location filename="../../app/team/TeamPolicyCache.cpp" line="+81"/>
        <source>this console has not read the team&apos;s policy yet</source>
        <translation>cette console n’a pas encore lu la règle de l’équipe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this console&apos;s chain key is not open, so its copy of the team&apos;s policy cannot be trusted</source>
        <translation>la clé de chaîne de cette console n’est pas ouverte&#xa0;; sa copie de la règle de l’équipe ne peut donc pas être tenue pour sûre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this console&apos;s copy of the team&apos;s policy (%1) is damaged or was edited, so it is not trusted</source>
        <translation>la copie de la règle de l’équipe gardée par cette console (%1) est endommagée ou a été modifiée&#xa0;; elle n’est donc pas tenue pour sûre</translation>
    </message>
</context>
<context>
    <name>TeamSchema</name>
    <message>
        <location filename="../../app/team/TeamSchema.cpp" line="+279"/>
        <location line="+4"/>
        <source>Could not read the team schema&apos;s version:</source>
        <translation>Impossible de lire la version du schéma de l’équipe&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not begin the schema upgrade:</source>
        <translation>Impossible de commencer la mise à niveau du schéma&#xa0;:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The schema upgrade to version %1 failed (nothing was changed):</source>
        <translation>La mise à niveau du schéma vers la version %1 a échoué (rien n’a été modifié)&#xa0;:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not commit the schema upgrade:</source>
        <translation>Impossible de valider la mise à niveau du schéma&#xa0;:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The database has no team trail schema: an administrator must run &quot;enrollee-cli team init --conninfo ...&quot; first.</source>
        <translation>La base de données n’a pas de schéma de journal d’équipe&#xa0;: un administrateur doit d’abord exécuter «&#xa0;enrollee-cli team init --conninfo ...&#xa0;».</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The team trail schema is version %1; this console needs version %2: an administrator must run &quot;enrollee-cli team init&quot; to upgrade it.</source>
        <translation>Le schéma du journal d’équipe est en version %1&#xa0;; cette console exige la version %2&#xa0;: un administrateur doit exécuter «&#xa0;enrollee-cli team init&#xa0;» pour le mettre à niveau.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The team trail schema is version %1, newer than this console understands (%2): update Enrollee Console.</source>
        <translation>Le schéma du journal d’équipe est en version %1, plus récente que ce que comprend cette console (%2)&#xa0;: mettez à jour Enrollee Console.</translation>
    </message>
</context>
<context>
    <name>TeamStatusBar</name>
    <message>
        <location filename="../../ui/team/TeamStatusBar.cpp" line="+9"/>
        <source>Team trail</source>
        <translation>Journal d’équipe</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+30"/>
        <source>Team trail: connecting…</source>
        <translation>Journal d’équipe&#xa0;: connexion…</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Team trail check failed: %1</source>
        <translation>Échec du contrôle du journal d’équipe&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Team trail refuses %n record(s) of this console: %1</source>
        <translation>
            <numerusform>Le journal d’équipe refuse %n enregistrement de cette console&#xa0;: %1</numerusform>
            <numerusform>Le journal d’équipe refuse %n enregistrements de cette console&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Team trail is behind: %n record(s) waiting to be sent (database unreachable since %1)</source>
        <translation>
            <numerusform>Journal d’équipe en retard&#xa0;: %n enregistrement en attente d’envoi (base de données injoignable depuis %1)</numerusform>
            <numerusform>Journal d’équipe en retard&#xa0;: %n enregistrements en attente d’envoi (base de données injoignable depuis %1)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Team trail: database unreachable since %1; nothing is waiting to be sent</source>
        <translation>Journal d’équipe&#xa0;: base de données injoignable depuis %1&#xa0;; rien n’attend d’être envoyé</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Team trail is behind: %n record(s) waiting to be sent</source>
        <translation>
            <numerusform>Journal d’équipe en retard&#xa0;: %n enregistrement en attente d’envoi</numerusform>
            <numerusform>Journal d’équipe en retard&#xa0;: %n enregistrements en attente d’envoi</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Team trail: connected (officer role %1)</source>
        <translation>Journal d’équipe&#xa0;: connecté (rôle d’agent %1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>— encryption weakened by settings</source>
        <translation>— chiffrement affaibli par les réglages</translation>
    </message>
</context>
<context>
    <name>TeamTrail</name>
    <message>
        <location filename="../../app/team/TeamTrail.cpp" line="+101"/>
        <source>team record #%1 (%2 by %3 on %4)</source>
        <translation>enregistrement d’équipe n° %1 (%2 par %3 le %4)</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Could not begin writing to the team trail:</source>
        <translation>Impossible de commencer l’écriture dans le journal d’équipe&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not lock the team trail:</source>
        <translation>Impossible de verrouiller le journal d’équipe&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not read the team trail&apos;s end:</source>
        <translation>Impossible de lire la fin du journal d’équipe&#xa0;:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not commit to the team trail:</source>
        <translation>Impossible de valider l’écriture dans le journal d’équipe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/team/TeamSqlFailure.cpp" line="+10"/>
        <location filename="../../app/team/TeamTrail.cpp" line="-102"/>
        <location line="+116"/>
        <location line="+57"/>
        <location line="+16"/>
        <source>Could not read the team trail:</source>
        <translation>Impossible de lire le journal d’équipe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/team/TeamTrail.cpp" line="-161"/>
        <source>Team record #%1 holds this console&apos;s record %2 (%3), but not as this console wrote it: someone wrote in this console&apos;s name. This console&apos;s own record was not sent and waits; run &quot;enrollee-cli history --verify&quot; and tell the team&apos;s administrator.</source>
        <translation>L’enregistrement d’équipe n°&#xa0;%1 contient l’enregistrement %2 (%3) de cette console, mais pas tel qu’elle l’a écrit&#xa0;: quelqu’un a écrit au nom de cette console. L’enregistrement de cette console n’a pas été envoyé et attend&#xa0;; exécutez «&#xa0;enrollee-cli history --verify&#xa0;» et prévenez l’administrateur de l’équipe.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The team trail refused this console&apos;s record:</source>
        <translation>Le journal d’équipe a refusé l’enregistrement de cette console&#xa0;:</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>less than a minute ago</source>
        <translation>il y a moins d’une minute</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a minute ago</source>
        <translation>il y a une minute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n minutes ago</source>
        <translation>il y a %n minutes</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 did &quot;%2&quot; on this user %3</source>
        <translation>%1 a fait «&#xa0;%2&#xa0;» sur cet utilisateur %3</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Team records from #%1 are missing.</source>
        <translation>Les enregistrements d’équipe à partir du n° %1 manquent.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Team record #%1 is not the record this console verified: the trail was rewritten.</source>
        <translation>L’enregistrement d’équipe n° %1 n’est pas celui que cette console a vérifié&#xa0;: le journal a été réécrit.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 was altered: its hash does not match.</source>
        <translation>%1 a été modifié&#xa0;: son empreinte ne correspond pas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+20"/>
        <source>%1: %2.</source>
        <translation>%1&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>The team trail ends before record #%1, which this console verified.</source>
        <translation>Le journal d’équipe s’arrête avant l’enregistrement n° %1, que cette console a vérifié.</translation>
    </message>
    <message>
        <location filename="../../app/team/TeamTrailWalk.cpp" line="+37"/>
        <source>Team records #%1 to #%2 are missing: they were deleted.</source>
        <translation>Les enregistrements d’équipe n° %1 à %2 manquent&#xa0;: ils ont été supprimés.</translation>
    </message>
    <message>
        <location filename="../../app/team/TeamTrail.cpp" line="+10"/>
        <source>%1 was altered (UPDATE): its hash does not match.</source>
        <translation>%1 a été modifié (UPDATE)&#xa0;: son empreinte ne correspond pas.</translation>
    </message>
    <message>
        <location filename="../../app/team/TeamTrailWalk.cpp" line="+23"/>
        <source>This console&apos;s team checkpoint is damaged, or was made with another chain key.</source>
        <translation>Le point de contrôle d’équipe de cette console est endommagé, ou a été créé avec une autre clé de chaînage.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The team trail is empty, but this console verified record #%1: it was emptied (TRUNCATE or DELETE of every record).</source>
        <translation>Le journal d’équipe est vide, mais cette console a vérifié l’enregistrement n° %1&#xa0;: il a été vidé (TRUNCATE ou DELETE de tous les enregistrements).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The newest %n team record(s) were removed (DELETE of #%1 to #%2): this console verified record #%2.</source>
        <translation>Le ou les %n enregistrement(s) d’équipe les plus récents ont été supprimés (DELETE des n° %1 à %2)&#xa0;: cette console a vérifié l’enregistrement n° %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Team record #%1 is not the record this console verified: the trail was rewritten from there (records altered and their hashes recomputed).</source>
        <translation>L’enregistrement d’équipe n° %1 n’est pas celui que cette console a vérifié&#xa0;: le journal a été réécrit à partir de là (enregistrements modifiés et empreintes recalculées).</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <location filename="../../ui/UserGuideDialog.cpp" line="+11"/>
        <source>User guide</source>
        <translation>Guide de l’utilisateur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User guide text</source>
        <translation>Texte du guide de l’utilisateur</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close the user guide</source>
        <translation>Fermer le guide de l’utilisateur</translation>
    </message>
</context>
<context>
    <name>UserTimelineModel</name>
    <message>
        <location filename="../../ui/history/UserTimelineModel.cpp" line="+111"/>
        <source>Row %1 of bulk run %2</source>
        <translation>Ligne %1 du traitement par lot %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (bulk run)</source>
        <translation>%1 (traitement par lot)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <location filename="../../app/core/action/Validation.cpp" line="+43"/>
        <source>Enter a user ID.</source>
        <translation>Saisissez un identifiant utilisateur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The user ID contains control or invisible formatting characters; retype it rather than pasting.</source>
        <translation>L’identifiant utilisateur contient des caractères de contrôle ou de mise en forme invisibles&#xa0;; saisissez-le au clavier plutôt que de le coller.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The user ID contains U+FFFD, the mark of text that was not valid UTF-8; retype it.</source>
        <translation>L’identifiant utilisateur contient U+FFFD, la marque d’un texte qui n’était pas de l’UTF-8 valide&#xa0;; saisissez-le de nouveau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The user ID is %1 characters long; the limit is %2.</source>
        <translation>L’identifiant utilisateur compte %1 caractères&#xa0;; la limite est de %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The user ID is too long.</source>
        <translation>L’identifiant utilisateur est trop long.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The user ID is not valid text.</source>
        <translation>L’identifiant utilisateur n’est pas un texte valide.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A partner ID is required (it is on the Smile ID portal, e.g. 085).</source>
        <translation>Un identifiant partenaire est obligatoire (il figure sur le portail Smile ID, p. ex. 085).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The partner ID &quot;%1&quot; should be the digits shown on the Smile ID portal, e.g. 085.</source>
        <translation>L’identifiant partenaire «&#xa0;%1&#xa0;» doit correspondre aux chiffres affichés sur le portail Smile ID, p. ex. 085.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>An operator email is required: Smile ID records who made the change.</source>
        <translation>Une adresse e-mail d’opérateur est obligatoire&#xa0;: Smile ID enregistre l’auteur de la modification.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not an email address.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse e-mail.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The reason is %1 characters long; the limit is %2.</source>
        <translation>Le motif compte %1 caractères&#xa0;; la limite est de %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The reason contains control characters.</source>
        <translation>Le motif contient des caractères de contrôle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The reason contains U+FFFD, the mark of text that was not valid UTF-8; retype it.</source>
        <translation>Le motif contient U+FFFD, la marque d’un texte qui n’était pas de l’UTF-8 valide&#xa0;; saisissez-le de nouveau.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The base URL is empty.</source>
        <translation>L’URL de base est vide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is not a URL; use an origin such as https://portal.smileidentity.com.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une URL&#xa0;; utilisez une origine telle que https://portal.smileidentity.com.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The base URL must start with https:// (or http:// for a sandbox on this computer).</source>
        <translation>L’URL de base doit commencer par https:// (ou http:// pour un bac à sable sur cet ordinateur).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The base URL must not contain a user name or password.</source>
        <translation>L’URL de base ne doit contenir ni nom d’utilisateur ni mot de passe.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The base URL is an origin only (scheme, host and port); the path %1 is added for you.</source>
        <translation>L’URL de base se limite à une origine (schéma, hôte et port)&#xa0;; le chemin %1 est ajouté automatiquement.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Plain HTTP is only allowed to this computer (127.0.0.1, ::1, localhost); use https:// for %1.</source>
        <translation>Le HTTP simple n’est autorisé que vers cet ordinateur (127.0.0.1, ::1, localhost)&#xa0;; utilisez https:// pour %1.</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../ui/WindowMenus.cpp" line="+28"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Profiles…</source>
        <translation>&amp;Profils…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Actions</source>
        <translation>&amp;Actions</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;View</source>
        <translation>Aff&amp;ichage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to &amp;user ID</source>
        <translation>Aller à l’&amp;identifiant utilisateur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Bulk runs</source>
        <translation>L&amp;ots</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A&amp;pprovals</source>
        <translation>A&amp;pprobations</translation>
    </message>
</context>
<context>
    <name>WindowNotices</name>
    <message>
        <location filename="../../ui/WindowNotices.cpp" line="+16"/>
        <source>You are on the built-in local sandbox: try every action on the demo enrollees. When you are ready, add your Smile ID profile.</source>
        <translation>Vous utilisez le bac à sable local intégré&#xa0;: essayez chaque action sur les inscrits de démonstration. Une fois vos essais terminés, ajoutez votre profil Smile ID.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a Smile ID profile…</source>
        <translation>Ajouter un profil Smile ID…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No keychain is available on this desktop. API keys you enter are kept in memory for this session only; nothing secret is written to disk.</source>
        <translation>Aucun trousseau n’est disponible sur ce bureau. Les clés d’API saisies sont gardées en mémoire pour cette session seulement ; rien de secret n’est écrit sur le disque.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details…</source>
        <translation>Détails…</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Why no keychain is available</source>
        <translation>Pourquoi aucun trousseau n’est disponible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The system&apos;s keychain service answered:

%1</source>
        <translation>Le service de trousseau du système a répondu :

%1</translation>
    </message>
</context>
</TS>
