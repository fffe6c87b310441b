(js, wasm, chunkMeta, backstopMs) => {
  let booted = false;
  const boot = () => {
    if (booted) return;
    booted = true;
    const hrefs = [wasm];
    for (const meta of document.querySelectorAll(`meta[name="${chunkMeta}"]`)) {
      hrefs.push(meta.content);
    }
    for (const href of hrefs) {
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
    }
    import(js)
      .then((glue) => glue.default({ module_or_path: wasm }).then(() => glue.hydrate()));
  };
  if (document.readyState === "complete") {
    boot();
  } else {
    addEventListener("load", boot, { once: true });
    setTimeout(boot, backstopMs);
  }
}
