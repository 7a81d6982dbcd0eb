// Shared by the kit's front-end widgets (run_screen.js, timeline.js): the Python side puts this
// file before each widget's own module, so both use one helper and no file is fetched.

function make(parent, tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  parent.appendChild(node);
  return node;
}
