(js, wasm, chunkMeta, backstopMs) => {
  const preload = (href) => {
    const link = document.createElement("link");
    link.href = href;
    if (href.endsWith(".js")) {
      link.rel = "modulepreload";
    } else {
      link.rel = "preload";
      link.as = "fetch";
      link.type = "application/wasm";
      link.crossOrigin = "anonymous";
    }
    document.head.append(link);
  };
  // A task of its own, so the browser may paint and handle input in between.
  const yieldToBrowser = () => new Promise((resolve) => setTimeout(resolve, 0));
  let booted = false;
  const boot = () => {
    if (booted) return;
    booted = true;
    // The main module and its glue first, then the landing page's own chunks.
    preload(wasm);
    const glue = import(js);
    for (const meta of document.querySelectorAll(`meta[name="${chunkMeta}"]`)) {
      preload(meta.content);
    }
    glue
      .then((glue) =>
        glue.default({ module_or_path: wasm }).then(yieldToBrowser).then(() => glue.hydrate()),
      );
  };
  // After the load event, once the browser is idle: the page, its web fonts included, has
  // painted. (Without requestIdleCallback: after the frame that follows the load event.)
  const afterPaint = () =>
    "requestIdleCallback" in window
      ? requestIdleCallback(boot, { timeout: 1000 })
      : requestAnimationFrame(() => setTimeout(boot, 0));
  if (document.readyState === "complete") {
    afterPaint();
  } else {
    addEventListener("load", afterPaint, { once: true });
    setTimeout(boot, backstopMs);
  }
}
