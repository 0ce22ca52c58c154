'use strict';
// The shelter and coordination dashboard: alerts live over SSE, decisions through the dashboard's backend.
// Everything shown is set with textContent: no received value is ever interpreted as HTML.
(function () {
  const T = {
    fr: {
      skip: "Aller au contenu", title: "Ac.Sé — alertes d'accueil", logout: 'Se déconnecter',
      active: 'Propositions en cours', none: "Aucune alerte pour l'instant.", noMatch: 'Orientations sans place',
      decisions: 'Décisions à prendre', backOutReason: 'Motif du désistement', backOut: 'Se désister',
      comment: 'Commentaire (facultatif, sans donnée personnelle)',
      k: { NO_SHOW: "Personne non arrivée : relancer la recherche ou clôturer l'orientation.",
        POSSIBLE_DUPLICATE: 'Doublon possible de l’orientation', NO_MATCH: 'Aucune place trouvée.' },
      escalated: 'Escalades', failed: 'Envois en échec', channel: 'Canal', recipient: 'Destinataire',
      attempts: 'Tentatives', lastAttempt: 'Dernière tentative', statusLabel: 'Statut', household: 'Foyer',
      needs: 'Besoins', languages: 'Langues', arrival: 'Arrivée prévue', deadline: 'Répondre avant', ack: "J'ai vu",
      accept: 'Accepter', reason: 'Motif du refus', decline: 'Refuser', arrived: 'Arrivée enregistrée',
      'r.NO_LONGER_AVAILABLE': 'Place plus disponible', 'r.PROFILE_NOT_SUPPORTED': 'Profil non accueilli',
      'r.SAFETY_CONCERN': 'Risque de sécurité', 'r.STAFF_UNAVAILABLE': 'Équipe indisponible',
      'r.LANGUAGE_BARRIER': 'Barrière de la langue', 'r.OTHER': 'Autre',
      adult: 'adulte', children: 'enfant(s) de', years: 'ans', noNeeds: 'aucun besoin particulier',
      wheelchairAccess: 'accès fauteuil', psychologicalSupport: 'soutien psychologique', medicalCare: 'soins médicaux',
      interpreter: 'interprète', between: 'entre', and: 'et', live: 'En direct', offline: 'Reconnexion…',
      newAlert: 'Nouvelle alerte', failedAction: "L'action a échoué", coordinator: 'coordination', staff: 'équipe',
      s: { OPEN: 'En attente', ACKNOWLEDGED: 'Vue', ESCALATED: 'Escaladée', ACCEPTED: 'Acceptée', DECLINED: 'Refusée',
        EXPIRED: 'Expirée', CANCELLED: 'Annulée', ARRIVED: 'Arrivée', NO_SHOW: 'Non arrivée', WITHDRAWN: 'Retirée',
        RESOLVED: 'Résolue', NO_MATCH: 'Sans place' }
    },
    en: {
      skip: 'Skip to content', title: 'Ac.Sé — placement alerts', logout: 'Sign out',
      active: 'Current proposals', none: 'No alert yet.', noMatch: 'Referrals without a place',
      decisions: 'Decisions to take', backOutReason: 'Reason for backing out', backOut: 'Back out',
      comment: 'Comment (optional, no personal data)',
      k: { NO_SHOW: 'The person did not arrive: match again or close the referral.',
        POSSIBLE_DUPLICATE: 'Possible duplicate of referral', NO_MATCH: 'No place found.' },
      escalated: 'Escalations', failed: 'Failed deliveries', channel: 'Channel', recipient: 'Recipient',
      attempts: 'Attempts', lastAttempt: 'Last attempt', statusLabel: 'Status', household: 'Household',
      needs: 'Needs', languages: 'Languages', arrival: 'Expected arrival', deadline: 'Answer before', ack: 'Seen',
      accept: 'Accept', reason: 'Reason for declining', decline: 'Decline', arrived: 'Record arrival',
      'r.NO_LONGER_AVAILABLE': 'Place no longer available', 'r.PROFILE_NOT_SUPPORTED': 'Profile not supported',
      'r.SAFETY_CONCERN': 'Safety concern', 'r.STAFF_UNAVAILABLE': 'Staff unavailable',
      'r.LANGUAGE_BARRIER': 'Language barrier', 'r.OTHER': 'Other',
      adult: 'adult', children: 'child(ren) aged', years: '', noNeeds: 'no particular need',
      wheelchairAccess: 'wheelchair access', psychologicalSupport: 'psychological support', medicalCare: 'medical care',
      interpreter: 'interpreter', between: 'between', and: 'and', live: 'Live', offline: 'Reconnecting…',
      newAlert: 'New alert', failedAction: 'The action failed', coordinator: 'coordination', staff: 'team',
      s: { OPEN: 'Awaiting answer', ACKNOWLEDGED: 'Seen', ESCALATED: 'Escalated', ACCEPTED: 'Accepted',
        DECLINED: 'Declined', EXPIRED: 'Expired', CANCELLED: 'Cancelled', ARRIVED: 'Arrived', NO_SHOW: 'Did not arrive',
        WITHDRAWN: 'Withdrawn', RESOLVED: 'Resolved', NO_MATCH: 'No place' }
    }
  };
  const stored = localStorage.getItem('acse.lang');
  let lang = stored || ((navigator.language || 'fr').startsWith('en') ? 'en' : 'fr');
  const alerts = new Map();
  let me = null;
  const $ = (sel, root) => (root || document).querySelector(sel);
  // a reason code without a translation yet is shown as its code
  const t = key => T[lang][key] !== undefined ? T[lang][key] : key.replace(/^r\./, '');

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll('.lang').forEach(b => b.setAttribute('aria-pressed', String(b.dataset.lang === lang)));
    document.title = t('title');
    showWho();
    alerts.forEach(render);
  }

  function fmt(iso) {
    if (!iso) { return '—'; }
    return new Date(iso).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB',
      { dateStyle: 'short', timeStyle: 'short' });
  }

  function household(h) {
    if (!h) { return '—'; }
    let s = '1 ' + t('adult') + ' (' + h.gender + ', ' + h.adultAge + ')';
    if (h.childrenAges && h.childrenAges.length) {
      s += ', ' + h.childrenAges.length + ' ' + t('children') + ' ' + h.childrenAges.join(', ') + ' ' + t('years');
    }
    return s.trim();
  }

  function needs(n) {
    if (!n) { return '—'; }
    const list = ['wheelchairAccess', 'psychologicalSupport', 'medicalCare', 'interpreter'].filter(k => n[k]).map(t);
    return list.length ? list.join(', ') : t('noNeeds');
  }

  function listFor(a) {
    if (a.kind === 'NO_MATCH') { return $('#nomatch'); }
    if (a.kind === 'NO_SHOW' || a.kind === 'POSSIBLE_DUPLICATE') { return $('#decisions'); }
    return $('#alerts');
  }

  // The reasons of a decline or a back-out: the one list, as the backend gives it.
  function fillReasons(codes) {
    $('#card').content.querySelectorAll('select.reason').forEach(select => {
      select.replaceChildren();
      codes.forEach(code => {
        const option = document.createElement('option');
        option.value = code;
        option.dataset.i18n = 'r.' + code;
        option.textContent = t('r.' + code);
        select.appendChild(option);
      });
    });
  }

  function kindText(a) {
    if (a.kind === 'POSSIBLE_DUPLICATE') { return t('k').POSSIBLE_DUPLICATE + ' ' + (a.relatedReferralId || '—'); }
    return a.kind === 'PROPOSAL' ? '' : (t('k')[a.kind] || '');
  }

  function render(a) {
    let li = document.querySelector('li[data-alert-id="' + a.id + '"]');
    if (!li) {
      li = $('#card').content.firstElementChild.cloneNode(true);
      li.dataset.alertId = a.id;
      li.id = 'alert-' + a.id;
      li.querySelectorAll('[data-action]').forEach(b => b.addEventListener('click', () => act(a.id, b.dataset.action, li)));
      listFor(a).prepend(li);
    }
    li.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
    $('.pseudonym', li).textContent = a.pseudonym;
    const u = $('.urgency', li);
    u.textContent = a.urgency;
    u.className = 'urgency badge ' + a.urgency;
    const status = $('.status', li);
    status.textContent = (a.kind === 'NO_MATCH' && a.status === 'OPEN') ? t('s').NO_MATCH : (t('s')[a.status] || a.status);
    status.dataset.status = a.status;
    $('.kind', li).textContent = kindText(a);
    $('.household', li).textContent = household(a.household);
    $('.needs', li).textContent = needs(a.needs);
    $('.languages', li).textContent = (a.languages || []).join(', ') || '—';
    $('.arrival', li).textContent = a.arrivalFrom ? t('between') + ' ' + fmt(a.arrivalFrom) + ' ' + t('and') + ' ' + fmt(a.arrivalUntil) : '—';
    $('.deadline', li).textContent = fmt(a.holdExpiresAt);
    const active = ['OPEN', 'ACKNOWLEDGED', 'ESCALATED'].includes(a.status);
    const proposal = a.kind === 'PROPOSAL';
    $('[data-action="ack"]', li).hidden = !active || !!a.acknowledgedAt;
    $('[data-action="accept"]', li).hidden = !proposal || !active;
    // a held place is declined; an accepted one is backed out of, never declined
    $('.decline', li).hidden = !proposal || !active;
    $('.backout', li).hidden = !proposal || a.status !== 'ACCEPTED';
    $('[data-action="arrival"]', li).hidden = !proposal || a.status !== 'ACCEPTED';
    li.classList.toggle('escalated', a.status === 'ESCALATED');
    li.classList.toggle('decision', a.kind === 'NO_SHOW' || a.kind === 'POSSIBLE_DUPLICATE');
    li.classList.toggle('closed', !active && a.status !== 'ACCEPTED');
    if (a.escalatedAt && me && me.coordinator && !document.querySelector('#escalated li[data-alert-id="' + a.id + '"]')) {
      const copy = document.createElement('li');
      copy.dataset.alertId = a.id;
      copy.className = 'card escalated';
      const art = document.createElement('article');
      art.textContent = a.pseudonym + ' — ' + a.urgency + ' — ' + fmt(a.escalatedAt);
      copy.appendChild(art);
      $('#escalated').prepend(copy);
    }
    $('#empty-active').hidden = $('#alerts').children.length > 0;
  }

  function upsert(a, announce) {
    const known = alerts.has(a.id);
    alerts.set(a.id, a);
    render(a);
    if (announce && !known) { $('#announce').textContent = t('newAlert') + ' : ' + a.pseudonym; }
  }

  async function api(path, options) {
    const response = await fetch('/dashboard/api' + path, Object.assign({ credentials: 'same-origin' }, options || {}));
    if (!response.ok) {
      let detail = '';
      try { detail = (await response.json()).detail || ''; } catch (e) { detail = ''; }
      throw new Error(response.status + ' ' + detail);
    }
    return response.json();
  }

  async function act(id, action, li) {
    const headers = { 'X-Acse-Dashboard': '1', 'Content-Type': 'application/json' };
    let body;
    if (action === 'decline') {
      body = JSON.stringify({ reason: $('.decline .reason', li).value });
    } else if (action === 'cancel') {
      body = JSON.stringify({ reason: $('.backout .reason', li).value, comment: $('.backout .comment', li).value });
    }
    const buttons = li.querySelectorAll('button');
    buttons.forEach(b => { b.disabled = true; });
    $('#error').hidden = true;
    try {
      const result = await api('/alerts/' + id + '/' + action, { method: 'POST', headers, body });
      const a = alerts.get(id);
      if (action === 'ack') {
        upsert(result);
      } else if (result && result.status) {
        // placement-service's answer is the truth now; the event confirms it a moment later
        a.status = result.status;
        upsert(a);
      }
    } catch (e) {
      $('#error').textContent = t('failedAction') + ' (' + e.message + ')';
      $('#error').hidden = false;
    } finally {
      buttons.forEach(b => { b.disabled = false; });
    }
  }

  function showWho() {
    if (me) { $('#who').textContent = me.name + ' — ' + (me.coordinator ? t('coordinator') : t('staff')); }
  }

  async function loadFailed() {
    const page = await api('/deliveries/failed');
    const body = $('#failed tbody');
    body.replaceChildren();
    page.items.forEach(d => {
      const tr = document.createElement('tr');
      [d.channel, d.recipientType + ' ' + d.recipientId, String(d.attempts), fmt(d.lastAttemptAt)].forEach(v => {
        const td = document.createElement('td');
        td.textContent = v;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function connect() {
    const source = new EventSource('/dashboard/api/stream');
    source.onopen = () => { $('#connection').textContent = t('live'); document.body.dataset.live = 'true'; };
    source.onmessage = e => {
      const item = JSON.parse(e.data);
      if (item.type === 'alert' && item.alert) { upsert(item.alert, true); }
    };
    source.onerror = () => { $('#connection').textContent = t('offline'); document.body.dataset.live = 'false'; };
  }

  async function start() {
    document.querySelectorAll('.lang').forEach(b => b.addEventListener('click', () => {
      lang = b.dataset.lang;
      localStorage.setItem('acse.lang', lang);
      applyLanguage();
    }));
    applyLanguage();
    try {
      me = await api('/me');
      fillReasons(me.declineReasons || []);
      showWho();
      connect();
      (await api('/alerts?view=active')).items.reverse().forEach(a => upsert(a));
      if (me.coordinator) {
        $('#coordination').hidden = false;
        (await api('/alerts?view=decisions')).items.reverse().forEach(a => upsert(a));
        (await api('/alerts?view=no-match')).items.reverse().forEach(a => upsert(a));
        (await api('/alerts?view=escalated')).items.reverse().forEach(a => upsert(a));
        await loadFailed();
        setInterval(loadFailed, 30000);
      }
      document.body.dataset.ready = 'true';
    } catch (e) {
      $('#error').textContent = t('failedAction') + ' (' + e.message + ')';
      $('#error').hidden = false;
    }
  }

  start();
}());
