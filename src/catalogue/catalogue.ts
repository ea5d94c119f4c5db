/**
 * The built-in tracker catalogue: data only, read by the matcher.
 *
 * It ships inside the loader on every page view, so it is written as one string, a line per vendor, fields
 * separated by `|`, read into tuples of space-separated strings once when the module loads:
 *   vendor|category code|hosts|first-party cookies?
 * - category code: a = analytics, m = marketing, p = preferences (see `categoryOf`).
 * - hosts: `example.com` matches itself and every subdomain; `host/path` matches only URLs whose
 *   path (and query) starts with that prefix. Shared hosts (www.google.com, www.facebook.com, qq.com,
 *   alicdn.com, gtimg.cn, baidu.com, weibo.com, youtube.com, CDNs) only ever appear with a path or as a
 *   vendor-only subdomain, so reCAPTCHA, maps, fonts and libraries keep working.
 * - cookies: exact names, or one `*` standing for any run of characters (`_ga_*`, `mp_*_mixpanel`).
 *   Only names that belong to the vendor; never generic ones a site may use for itself.
 *
 * Written from vendors' published snippets and documentation. Nothing here
 * is taken from Ghostery TrackerDB, DuckDuckGo Tracker Radar or Disconnect, whose licences forbid it.
 */
export type CategoryCode = 'a' | 'm' | 'p';

export type CatalogueEntry = readonly [vendor: string, category: CategoryCode, hosts: string, cookies?: string];

export const categoryOf = { a: 'analytics', m: 'marketing', p: 'preferences' } as const;

const DATA =
  // Google. The whole googletagmanager.com serves tags; a gtag.js URL is named by the ID it loads.
  `Google Tag Manager|a|googletagmanager.com
Google Analytics|a|google-analytics.com analytics.google.com www.googletagmanager.com/gtag/js|_ga _ga_* _gid _gat* __utm*
Google Ads|m|googleadservices.com googleads.g.doubleclick.net www.google.com/pagead/ www.google.com/ads/ www.googletagmanager.com/gtag/js?id=AW-|_gcl_* _gac_*
DoubleClick|m|doubleclick.net 2mdn.net googletagservices.com www.googletagmanager.com/gtag/js?id=DC-|__gads __gpi __eoi
Google AdSense|m|googlesyndication.com adservice.google.com adtrafficquality.google
YouTube|m|youtube.com/embed/ youtube.com/iframe_api youtube-nocookie.com
` +
  // Social networks: pixels and embeds.
  `Meta Pixel|m|connect.facebook.net www.facebook.com/tr/ www.facebook.com/tr?|_fbp _fbc
Facebook plugins|m|www.facebook.com/plugins/
Instagram|m|www.instagram.com/embed.js
LinkedIn|m|snap.licdn.com/li.lms-analytics/ ads.linkedin.com platform.linkedin.com|li_fat_id
TikTok|m|analytics.tiktok.com analytics-ipv6.tiktokw.us www.tiktok.com/embed|_ttp ttcsid* _tt_enable_cookie
X (Twitter)|m|ads-twitter.com analytics.twitter.com t.co/i/adsct t.co/1/i/adsct platform.twitter.com|_twclid
Pinterest|m|s.pinimg.com/ct/ ct.pinterest.com|_pin_unauth _epik _derived_epik
Snap Pixel|m|sc-static.net tr.snapchat.com|_scid* _schn _sctr
Reddit Pixel|m|www.redditstatic.com/ads/ alb.reddit.com|_rdt_uuid _rdt_cid
Quora Pixel|m|a.quora.com/qevents.js q.quora.com/_/ad/
Disqus|m|disqus.com disquscdn.com
` +
  // Microsoft, Yahoo, Amazon.
  `Microsoft Clarity|a|clarity.ms|_clck _clsk
Microsoft Ads|m|bat.bing.com|_uet*
Xandr|m|adnxs.com adnxs-simple.com
Yahoo|m|sp.analytics.yahoo.com s.yimg.com/wi/
Amazon Ads|m|amazon-adsystem.com
` +
  // Product analytics, heat maps, session replay.
  `Hotjar|a|hotjar.com hotjar.io|_hj*
Mixpanel|a|mixpanel.com mxpnl.com|mp_*_mixpanel
Segment|a|segment.com segment.io segmentapis.com|ajs_*
Amplitude|a|amplitude.com|AMP_* amplitude_id*
Heap|a|heapanalytics.com heap-api.com|_hp2_* _hp5_*
FullStory|a|fullstory.com|fs_uid fs_lua
Matomo Cloud|a|matomo.cloud|_pk_*
Plausible|a|plausible.io
Adobe Analytics|a|adobedtm.com omtrdc.net 2o7.net adobedc.net demdex.net|AMCV* s_cc s_sq kndctr_*
Adobe Target|m|tt.omtrdc.net
Yandex Metrica|a|mc.yandex.ru mc.yandex.com webvisor.org|_ym_*
Mouseflow|a|mouseflow.com|mf_*
Crazy Egg|a|crazyegg.com cetrk.com|_ce.* _CEFT cebs*
Lucky Orange|a|luckyorange.com luckyorange.net livestatserver.com|_lo_* __lot*
Optimizely|a|optimizely.com|optimizely*
VWO|a|visualwebsiteoptimizer.com|_vwo* _vis_opt_*
AB Tasty|a|abtasty.com|ABTasty*
Contentsquare|a|contentsquare.net|_cs_id _cs_s
Chartbeat|a|chartbeat.com chartbeat.net|_chartbeat*
Comscore|m|scorecardresearch.com
Piano Analytics|a|aticdn.net xiti.com|atuserid atidvisitor _pcid _pctx
PostHog|a|posthog.com|ph_*_posthog
LogRocket|a|lr-ingest.io logrocket.io
Cloudflare Analytics|a|cloudflareinsights.com
Fathom|a|usefathom.com
Simple Analytics|a|simpleanalyticscdn.com
Vimeo|a|player.vimeo.com
` +
  // Marketing automation and advertising.
  `HubSpot|m|hs-scripts.com hs-analytics.net hsadspixel.net track.hubspot.com|__hstc __hssc __hssrc hubspotutk
Marketo|m|munchkin.marketo.net mktoresp.com|_mkto_trk
Pardot|m|pardot.com
Klaviyo|m|klaviyo.com|__kla_id
Criteo|m|criteo.net criteo.com|cto_*
Taboola|m|taboola.com
Outbrain|m|outbrain.com outbrainimg.com
Quantcast|m|quantserve.com quantcount.com|__qca
The Trade Desk|m|adsrvr.org
Index Exchange|m|casalemedia.com indexww.com
PubMatic|m|pubmatic.com
AdRoll|m|adroll.com|__adroll* __ar_v4
` +
  // Chat widgets: a feature the visitor may want, so preferences.
  `Intercom|p|intercom.io intercomcdn.com|intercom-*
Drift|p|drift.com driftt.com|drift_*
Tawk.to|p|tawk.to|__tawkuuid Tawk*
Crisp|p|crisp.chat|crisp-client*
Zendesk Chat|p|static.zdassets.com/ekr/ zopim.com|__zlcmid
` +
  // Chinese vendors. baidu.com, qq.com, alicdn.com, gtimg.cn, volccdn.com, volces.com, weibo.com and
  // jd.com are shared, so only tracker subdomains or paths are listed.
  `Baidu Tongji|a|hm.baidu.com|Hm_lvt_* Hm_lpvt_*
Baidu Ads|m|pos.baidu.com cpro.baidu.com cbjs.baidu.com eclick.baidu.com cpro.baidustatic.com dup.baidustatic.com
Umeng|a|cnzz.com umeng.com umengcloud.com|CNZZDATA* UM_distinctid
Tencent Analytics|a|tajs.qq.com pingtcss.qq.com|pgv_*
Tencent MTA|a|pingjs.qq.com pingtas.qq.com
Tencent Ads|m|qzonestyle.gtimg.cn/qzone/biz/gdt/ gdt.qq.com
51.LA|a|51.la|__51* __vtins__* __tins__*
GrowingIO|a|giocdn.com growingio.com|gr_user_id gr_session_id_* *_gr_session_id *_gr_last_sent_cs1
Sensors Data|a|sensorsdata.cn|sensorsdata2015* sajssdk_2015_*
Volcengine DataFinder|a|lf3-data.volccdn.com/obj/data-static/ gator.volces.com mcs.zijieapi.com|__tea_cache_tokens_*
Ocean Engine|m|analytics.oceanengine.com ad.toutiao.com
Alibaba Aplus|a|g.alicdn.com/alilog/ mmstat.com
Alimama|m|tanx.com alimama.com simba.taobao.com
Weibo|m|tjs.sjs.sinajs.cn/open/ widget.weibo.com
Miaozhen|m|miaozhen.com irs01.com irs01.net
AdMaster|m|admaster.com.cn admasterapi.com
JD.com|m|wl.jd.com mercury.jd.com jssr.jd.com/tj.js
TalkingData|a|talkingdata.com talkingdata.net
Zhuge|a|zhugeio.com`;

export const catalogue: readonly CatalogueEntry[] = DATA.split('\n').map(
  (line) => line.split('|') as unknown as CatalogueEntry,
);
