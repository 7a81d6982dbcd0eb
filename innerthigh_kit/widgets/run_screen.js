// Run mode: the class counted down in the browser, one screen per exercise.
// Everything timed lives here, on the page: the kernel sends the steps once, and the countdown
// goes on when the kernel is busy or the connection drops. No network, no files: the chime is
// made with the Web Audio API. The page's state is on the root's data attributes (data-step,
// data-kind, data-remaining, data-running...) for the browser tests.

const KEYS_HELP = "Space: start or pause · ← →: previous or next exercise · +: 15 s more · S: skip the set · M: sound";

function clock(seconds) {
  const s = Math.max(0, Math.ceil(seconds - 1e-6));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

function words(seconds) {
  const s = Math.round(Math.abs(seconds));
  if (s < 60) return `${s} s`;
  return s % 60 ? `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s` : `${s / 60} min`;
}

// make(parent, tag, className, text): from _dom.js, put before this module

// DOM writes only where something changed: the screen is redrawn ten times a second
function put(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

function skeleton(root) {
  const top = make(root, "div", "itk-run-top");
  const parts = { where: make(top, "div", "itk-run-where"), clock: make(top, "div", "itk-run-clock") };
  const main = make(root, "div", "itk-run-main");
  parts.figure = make(main, "img", "itk-run-figure");
  parts.figure.alt = "";
  const words = make(main, "div", "itk-run-words");
  parts.name = make(words, "div", "itk-run-name");
  parts.dosage = make(words, "div", "itk-run-dosage");
  parts.cue = make(words, "div", "itk-run-cue");
  parts.change = make(root, "div", "itk-run-change");
  const timer = make(root, "div", "itk-run-timer");
  parts.label = make(timer, "div", "itk-run-label");
  parts.count = make(timer, "div", "itk-run-count");
  parts.bar = make(make(root, "div", "itk-run-track"), "div", "itk-run-bar");
  parts.next = make(root, "div", "itk-run-next");
  const controls = make(root, "div", "itk-run-controls");
  const button = (name, text, title) => {
    const b = make(controls, "button", `itk-run-button itk-run-${name}`, text);
    b.type = "button";
    b.title = title;
    return b;
  };
  parts.previous = button("previous", "◀ Previous", "Previous exercise (←)");
  parts.toggle = button("toggle", "Start", "Start or pause (space)");
  parts.nextButton = button("next-button", "Next ▶", "Next exercise (→)");
  parts.more = button("more", "+15 s", "15 seconds more (+)");
  parts.skip = button("skip", "Skip set", "Skip to the next set (S)");
  parts.sound = button("sound", "Sound on", "Sound on or off (M)");
  make(root, "div", "itk-run-help", KEYS_HELP);
  return parts;
}

function render({ model, el }) {
  const root = make(el, "div", "itk-run");
  root.tabIndex = 0;
  const parts = skeleton(root);
  const state = { step: 0, interval: 0, left: 0, endAt: null, running: false, finished: false,
                  startedAt: null, endedAt: null, ends: 0, sounds: 0, audio: null };
  let steps = model.get("steps") || [];

  const intervals = () => (steps[state.step] ? steps[state.step].intervals : []);
  const current = () => intervals()[state.interval];
  const now = () => performance.now() / 1000;
  const remaining = () => (state.running && state.endAt !== null ? state.endAt - now() : state.left);

  function chime() {
    if (!model.get("sound")) return;
    try {
      state.audio = state.audio || new (window.AudioContext || window.webkitAudioContext)();
      const ctx = state.audio, osc = ctx.createOscillator(), gain = ctx.createGain();
      osc.type = "sine";
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, ctx.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.2, ctx.currentTime + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 0.6);
      osc.connect(gain).connect(ctx.destination);
      osc.start();
      osc.stop(ctx.currentTime + 0.65);
      state.sounds += 1;
    } catch (error) {
      /* no audio on this device: the flash still marks the end */
    }
  }

  function flash() {
    root.classList.remove("itk-run-flash");
    void root.offsetWidth; // restart the animation
    root.classList.add("itk-run-flash");
    setTimeout(() => root.classList.remove("itk-run-flash"), 700);
  }

  function report() {
    try {
      const at = steps[state.step];
      model.set("at", { step: at ? at.number : 0, interval: state.interval, finished: state.finished });
      model.save_changes();
    } catch (error) {
      /* the kernel is away: the timer does not need it */
    }
  }

  function go(step, interval, keepRunning) {
    state.finished = false;
    state.endedAt = null;
    state.step = Math.max(0, Math.min(step, steps.length - 1));
    state.interval = interval;
    const here = current();
    state.left = here ? here.seconds : 0;
    state.endAt = keepRunning && state.running ? now() + state.left : null;
    if (!keepRunning) state.running = false;
    report();
    draw();
  }

  function advance() {
    state.ends += 1;
    chime();
    flash();
    if (state.interval + 1 < intervals().length) {
      go(state.step, state.interval + 1, true);
    } else if (state.step + 1 < steps.length) {
      go(state.step + 1, 0, true);
    } else {
      state.running = false;
      state.finished = true;
      state.endedAt = now(); // the class clock stops with the class
      state.left = 0;
      state.endAt = null;
      report();
      draw();
    }
  }

  function toggle() {
    if (state.finished || !steps.length) return;
    if (state.running) {
      state.left = remaining();
      state.running = false;
      state.endAt = null;
    } else {
      if (state.startedAt === null) state.startedAt = now();
      state.running = true;
      state.endAt = now() + state.left;
      if (model.get("sound") && !state.audio) {
        try { state.audio = new (window.AudioContext || window.webkitAudioContext)(); } catch (e) { /* none */ }
      }
    }
    draw();
  }

  function more() {
    if (state.running) state.endAt += 15;
    else state.left += 15;
    draw();
  }

  function skipSet() {
    const list = intervals();
    const next = list.findIndex((item, index) => index > state.interval && item.kind === "work");
    if (next >= 0) go(state.step, next, true);
    else if (state.step + 1 < steps.length) go(state.step + 1, 0, true);
  }

  function toggleSound() {
    model.set("sound", !model.get("sound"));
    model.save_changes();
    draw();
  }

  function planned() {
    const at = steps[state.step];
    if (!at) return 0;
    if (state.finished) return at.start + at.seconds;
    const done = intervals().slice(0, state.interval).reduce((sum, item) => sum + item.seconds, 0);
    const here = current();
    return at.start + done + (here ? Math.max(0, Math.min(here.seconds, here.seconds - remaining())) : 0);
  }

  function draw() {
    const at = steps[state.step];
    const here = current();
    const left = state.finished ? 0 : Math.max(0, remaining());
    const data = {
      step: at ? at.number : 0,
      interval: state.interval,
      kind: state.finished ? "done" : here ? here.kind : "none",
      remaining: Math.ceil(left - 1e-6),
      running: state.running ? "yes" : "no",
      finished: state.finished ? "yes" : "no",
      ends: state.ends,
      sounds: state.sounds,
    };
    for (const [name, value] of Object.entries(data)) {
      if (root.dataset[name] !== String(value)) root.dataset[name] = String(value);
    }
    if (!at) {
      put(parts.name, "No class to teach yet: build or open a class first.");
      return;
    }
    put(parts.where, `${model.get("title")} · exercise ${at.number} of ${steps.length} · ${at.section}`);
    const elapsed = state.startedAt === null ? 0 : (state.endedAt ?? now()) - state.startedAt;
    const off = elapsed - planned();
    const pace = Math.abs(off) < 10 ? "on time" : `${words(off)} ${off > 0 ? "behind" : "ahead"}`;
    put(parts.clock, `${clock(elapsed)} elapsed · plan ${clock(planned())} of ${clock(model.get("run_seconds"))} · ${pace}`);
    if (parts.figure.dataset.src !== at.figure) {
      parts.figure.dataset.src = at.figure || "";
      parts.figure.src = at.figure || "";
      parts.figure.alt = at.figure ? `Figure: ${at.name}` : "";
      parts.figure.style.display = at.figure ? "" : "none";
    }
    put(parts.name, at.name);
    put(parts.dosage, at.dosage);
    put(parts.cue, at.cue);
    const preparing = here && (here.kind === "move" || here.kind === "ready");
    put(parts.change, preparing && at.change ? at.change : "");
    const display = parts.change.textContent ? "" : "none";
    if (parts.change.style.display !== display) parts.change.style.display = display;
    put(parts.label, state.finished ? "Class done: well taught." : here ? here.label : "");
    put(parts.count, clock(left));
    const width = here && here.seconds ? `${(100 * (1 - left / here.seconds)).toFixed(1)}%` : "0%";
    if (parts.bar.style.width !== width) parts.bar.style.width = width;
    const kind = `itk-run-kind-${root.dataset.kind}`;
    if (!root.classList.contains(kind)) {
      root.className = root.className.replace(/itk-run-kind-\S+/g, "").trim();
      root.classList.add(kind);
    }
    const following = steps[state.step + 1];
    put(parts.next, following ? `Next up: ${following.name} · ${following.dosage}` : "Next up: the end of the class");
    put(parts.toggle, state.running ? "Pause" : state.startedAt === null ? "Start" : "Resume");
    put(parts.sound, model.get("sound") ? "Sound on" : "Sound off");
    parts.sound.setAttribute("aria-pressed", model.get("sound") ? "true" : "false");
  }

  function tick() {
    if (state.startedAt === null) return; // nothing moves until Start: no redraws
    if (state.running && remaining() <= 0) {
      // a throttled tab may have slept through several intervals: catch up on each in turn
      let guard = 0;
      while (state.running && remaining() <= 0 && guard++ < 1000) {
        const over = -remaining();
        advance();
        if (state.running) state.endAt -= over;
      }
    }
    draw();
  }

  function key(event) {
    const tag = (event.target && event.target.tagName) || "";
    if (event.target !== root && ["INPUT", "TEXTAREA", "SELECT"].includes(tag)) return;
    const actions = { " ": toggle, ArrowRight: () => go(state.step + 1, 0, true),
      ArrowLeft: () => go(state.step - 1, 0, true), "+": more, "=": more, s: skipSet, S: skipSet,
      m: toggleSound, M: toggleSound };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      event.stopPropagation();
      action();
    }
  }

  // after a click the keys go back to the screen, so space pauses rather than re-pressing a button
  const on = (button, action) => button.addEventListener("click", () => { action(); root.focus({ preventScroll: true }); });
  on(parts.toggle, toggle);
  on(parts.previous, () => go(state.step - 1, 0, true));
  on(parts.nextButton, () => go(state.step + 1, 0, true));
  on(parts.more, more);
  on(parts.skip, skipSet);
  on(parts.sound, toggleSound);
  root.addEventListener("keydown", key);
  const everywhere = model.get("keys_everywhere");
  if (everywhere) window.addEventListener("keydown", key);

  model.on("change:steps", () => {
    const id = steps[state.step] && steps[state.step].exercise;
    steps = model.get("steps") || [];
    const same = steps.findIndex((step) => step.exercise === id);
    go(same >= 0 ? same : state.step, 0, false);
  });
  model.on("change:sound", draw);
  go(0, 0, false);
  const timer = setInterval(tick, 100);
  return () => {
    clearInterval(timer);
    if (everywhere) window.removeEventListener("keydown", key);
    if (state.audio) state.audio.close();
  };
}

export default { render };
