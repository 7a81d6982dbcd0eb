// The class timeline: one row per position (standing, chair, mat), one block per exercise as
// wide as its share of the class, coloured by section. Every row has a cell for every exercise
// (a block in its own row, an empty gap in the others), so all rows keep the same clock.
// The kernel sends the blocks; a click sends back {select: key}. Words from the kernel (names can
// be written by the instructor) go in through textContent and title only, never as HTML.

// make(parent, tag, className, text): from _dom.js, put before this module

function render({ model, el }) {
  const root = make(el, "div", "itk-timeline");
  const strip = make(root, "div", "itk-timeline-rows");
  const legend = make(root, "div", "itk-timeline-legend");

  function drawLegend() {
    legend.replaceChildren();
    for (const { name, colour } of model.get("legend") || []) {
      make(legend, "span", "itk-timeline-chip", String(name)).style.background = String(colour);
      legend.appendChild(document.createTextNode(" "));
    }
    make(legend, "span", "itk-timeline-note", `· ${model.get("note") || ""}`);
  }

  function draw() {
    const blocks = model.get("blocks") || [];
    const lines = (model.get("rows") || []).map((row, index) => {
      const line = document.createElement("div");
      line.className = `itk-timeline-row itk-timeline-row-${index + 1}`;
      make(line, "div", "itk-timeline-label", String(row));
      const cells = make(line, "div", "itk-timeline-cells");
      for (const block of blocks) {
        const mine = block.row === row;
        const cell = make(cells, mine ? "button" : "div", mine ? `itk-block itk-block-${block.number}` : "itk-gap");
        cell.style.width = `${Number(block.share) || 0}%`;
        if (!mine) continue;
        cell.type = "button";
        cell.dataset.key = String(block.key);
        cell.title = String(block.tip);
        cell.setAttribute("aria-label", `${block.number}. ${block.tip}`);
        cell.style.background = String(block.colour);
        if (block.changed) cell.classList.add("itk-block-changed");
      }
      return line;
    });
    strip.replaceChildren(...lines);
    root.dataset.version = String(model.get("version"));
  }

  function click(event) {
    const block = event.target.closest(".itk-block");
    if (block && strip.contains(block)) model.send({ select: block.dataset.key });
  }

  strip.addEventListener("click", click);
  model.on("change:blocks", draw);
  model.on("change:rows", draw);
  model.on("change:legend", drawLegend);
  model.on("change:note", drawLegend);
  drawLegend();
  draw();
  return () => {
    model.off("change:blocks", draw);
    model.off("change:rows", draw);
    model.off("change:legend", drawLegend);
    model.off("change:note", drawLegend);
  };
}

export default { render };
