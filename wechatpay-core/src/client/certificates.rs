//! Platform certificates through the client: `GET /v3/certificates`, verified, decrypted,
//! checked, and swapped in whole; the background refresh.

use std::sync::{Arc, PoisonError, Weak};
use std::time::Duration;

use tracing::Instrument;

use super::{Answer, Client, Inner, verify_answer};
use crate::aead::ApiV3Key;
use crate::cert::PlatformCertificate;
use crate::certificates::{CERTIFICATES_PATH, CertificateError, decrypt_certificates};
use crate::error::Error;
use crate::key_store::WechatPayKeys;
use crate::protocol::Method;
use crate::request::PreparedRequest;

impl Client {
    /// Downloads WeChat Pay's platform certificates: the list's signature verified with the keys
    /// in use (a configured public key or certificate, or certificates downloaded before), each
    /// certificate decrypted with the APIv3 key, its serial equal to its listing's and valid now.
    /// Anything else refuses the whole list. The certificates in use are not changed (see
    /// [`Client::refresh_certificates`]); save them with [`PlatformCertificate::to_pem`].
    ///
    /// With no key to verify the list, this is [`CertificateError::NoTrustedKey`] and nothing is
    /// sent: see [`Client::trust_certificates_on_first_use`].
    pub async fn download_certificates(&self) -> Result<Vec<PlatformCertificate>, Error> {
        let apiv3_key = self.apiv3_key()?;
        if !self.wechatpay_keys().can_verify_now() {
            return Err(CertificateError::NoTrustedKey.into());
        }
        let answer = self.fetch_certificates().await?;
        let trusted = self.wechatpay_keys();
        verify_answer(&answer, &trusted)?;
        Ok(decrypt_certificates(&answer.body, apiv3_key, trusted.clock.now())?)
    }

    /// Downloads the platform certificates ([`Client::download_certificates`]) and puts them in
    /// use: the keys configured when building plus the certificates listed now, replacing the
    /// ones downloaded before (a certificate no longer listed is dropped). On any error the
    /// certificates in use are kept. Returns the new set.
    pub async fn refresh_certificates(&self) -> Result<Arc<WechatPayKeys>, Error> {
        let certificates = self.download_certificates().await?;
        Ok(self.install(self.with_configured(certificates)))
    }

    /// **Trust on first use**: downloads the platform certificates and accepts a list signed by
    /// one of the certificates it contains (or by a key in use), then puts them in use like
    /// [`Client::refresh_certificates`]. For a merchant with no WeChat Pay key configured yet.
    ///
    /// # The risk
    ///
    /// The list's signature then proves only that whoever answered also made the list. What
    /// vouches for the certificates is that each decrypts with the APIv3 key, which only WeChat
    /// Pay and the merchant know: anyone who has the APIv3 key, or who answers in WeChat Pay's
    /// place while holding it, can make the client trust a key of their own for every later
    /// answer. Prefer configuring the WeChat Pay public key (or a certificate obtained out of
    /// band) and [`Client::refresh_certificates`]; call this once at first contact, over HTTPS
    /// to WeChat Pay's own host, and check the serials against the merchant platform.
    pub async fn trust_certificates_on_first_use(&self) -> Result<Arc<WechatPayKeys>, Error> {
        let apiv3_key = self.apiv3_key()?;
        let answer = self.fetch_certificates().await?;
        let now = self.inner.configured.clock.now();
        let candidate = self.with_configured(decrypt_certificates(&answer.body, apiv3_key, now)?);
        verify_answer(&answer, &candidate)?;
        tracing::warn!(
            certificates = %serials(&candidate),
            "platform certificates trusted on first use: the list was verified with its own certificates"
        );
        Ok(self.install(candidate))
    }

    fn apiv3_key(&self) -> Result<&ApiV3Key, Error> {
        self.inner.apiv3_key.as_ref().ok_or_else(|| CertificateError::NoApiV3Key.into())
    }

    /// `GET /v3/certificates`, signed, with the retries of an idempotent request; not verified.
    async fn fetch_certificates(&self) -> Result<Answer, Error> {
        let prepared = PreparedRequest {
            method: Method::Get,
            target: CERTIFICATES_PATH.to_owned(),
            body: Vec::new(),
            wechatpay_serial: None,
            idempotent: true,
        };
        let span =
            tracing::info_span!("wechatpay", method = %Method::Get, path = CERTIFICATES_PATH);
        self.execute(&prepared, None).instrument(span).await
    }

    /// The keys configured when building, plus `certificates` (replacing any with their serial).
    fn with_configured(&self, certificates: Vec<PlatformCertificate>) -> WechatPayKeys {
        certificates
            .into_iter()
            .fold(self.inner.configured.clone(), WechatPayKeys::with_certificate)
    }

    /// Puts `keys` in use; sends already under way keep the set they started with.
    fn install(&self, keys: WechatPayKeys) -> Arc<WechatPayKeys> {
        let keys = Arc::new(keys);
        *self.inner.keys.write().unwrap_or_else(PoisonError::into_inner) = keys.clone();
        tracing::info!(certificates = %serials(&keys), "platform certificates in use");
        keys
    }
}

/// The serials of the certificates in `keys`, for the log.
fn serials(keys: &WechatPayKeys) -> String {
    keys.certificates().map(PlatformCertificate::serial).collect::<Vec<_>>().join(",")
}

/// The background refresh task; aborted when the client's last clone is dropped.
#[derive(Debug)]
pub(super) struct Refresher(tokio::task::AbortHandle);

impl Refresher {
    /// Spawns the refresh loop on `runtime`. It holds the client only weakly, and only while
    /// refreshing.
    pub(super) fn start(
        runtime: &tokio::runtime::Handle,
        client: &Weak<Inner>,
        every: Duration,
    ) -> Self {
        Self(runtime.spawn(refresh_loop(client.clone(), every)).abort_handle())
    }
}

impl Drop for Refresher {
    fn drop(&mut self) {
        self.0.abort();
    }
}

async fn refresh_loop(client: Weak<Inner>, every: Duration) {
    let start = tokio::time::Instant::now() + every;
    let mut ticks = tokio::time::interval_at(start, every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let Some(inner) = client.upgrade() else { return };
        if let Err(error) = (Client { inner }).refresh_certificates().await {
            tracing::warn!(%error, retry_in_s = every.as_secs(), "platform certificate refresh failed; the certificates in use are kept");
        }
    }
}
