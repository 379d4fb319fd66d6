//! A synchronous client for programs without an async runtime (feature `blocking`).

use crate::client::{Client as AsyncClient, ClientBuilder};
use crate::error::Error;
use crate::request::WechatRequest;

/// Wraps the async [`crate::Client`] with a private single-threaded runtime. Do not call it from
/// inside an async runtime (use the async client there).
#[derive(Debug)]
pub struct Client {
    inner: AsyncClient,
    runtime: tokio::runtime::Runtime,
}

impl Client {
    /// A blocking client from a configured builder.
    pub fn new(builder: ClientBuilder) -> Result<Self, Error> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|error| Error::Setup(format!("the blocking runtime: {}", error.kind())))?;
        let inner = runtime.block_on(async { builder.build() })?;
        Ok(Self { inner, runtime })
    }

    /// A blocking client configured from the environment, like [`crate::Client::from_env`]: the
    /// variables of [`ClientBuilder::from_env`]. The error names the first variable missing.
    pub fn from_env() -> Result<Self, Error> {
        Self::new(ClientBuilder::from_env()?)
    }

    /// Like [`crate::Client::send`], waiting for the answer.
    pub fn send<R: WechatRequest>(&self, request: &R) -> Result<R::Response, Error> {
        self.runtime.block_on(self.inner.send(request))
    }

    /// The async client inside.
    pub fn as_async(&self) -> &AsyncClient {
        &self.inner
    }
}
