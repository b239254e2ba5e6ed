// metersim live dashboard: one Server-Sent Event per tick (aggregates only), drawn with the bundled uPlot.
(function () {
  "use strict";
  var MAX_POINTS = 300;
  var PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd"];
  var LOAD_COLOURS = ["#08519c", "#3182bd", "#6baed6", "#fd8d3c", "#e6550d", "#a63603", "#31a354", "#756bb1"];

  var ticks = [];
  var fleet = [];
  var other = [];
  var vens = {};          // name -> values aligned with ticks
  var venOrder = [];
  var loads = [];         // k -> values
  var loadIds = [];
  var p50 = [];
  var p99 = [];
  var charts = {};
  var updates = 0;
  var hasOther = false;

  function byId(id) { return document.getElementById(id); }
  function text(id, value) { byId(id).textContent = value; }
  function fixed(value, digits) { return null === value || undefined === value ? "–" : value.toFixed(digits); }
  function width(id) { return Math.max(300, byId(id).parentNode.clientWidth - 24); }

  function trim(array) { if (array.length > MAX_POINTS) { array.splice(0, array.length - MAX_POINTS); } }

  function sameNames(a, b) {
    if (a.length !== b.length) { return false; }
    for (var i = 0; i < a.length; i++) { if (a[i] !== b[i]) { return false; } }
    return true;
  }

  function record(m) {
    ticks.push(m.tick);
    fleet.push(m.totalKw);
    other.push(m.otherVens > 0 ? m.otherKw : null);
    var seen = {};
    for (var v = 0; v < m.venNames.length; v++) {
      var name = m.venNames[v];
      if (!vens[name]) { vens[name] = new Array(ticks.length - 1).fill(null); }
      vens[name].push(m.venKw[v]);
      seen[name] = true;
    }
    Object.keys(vens).forEach(function (name) { if (!seen[name]) { vens[name].push(null); } });
    if (!sameNames(loadIds, m.loadIds)) { loadIds = m.loadIds.slice(); loads = loadIds.map(function () {
      return new Array(ticks.length - 1).fill(null); }); charts.loads = rebuild(charts.loads); }
    for (var k = 0; k < loadIds.length; k++) { loads[k].push(m.loadKw[k]); }
    p50.push(m.latencyUs.p50);
    p99.push(m.latencyUs.p99);
    [ticks, fleet, other, p50, p99].forEach(trim);
    Object.keys(vens).forEach(function (name) { trim(vens[name]); });
    loads.forEach(trim);
    if (!sameNames(venOrder, m.venNames) || hasOther !== (m.otherVens > 0)) {
      venOrder = m.venNames.slice();
      hasOther = m.otherVens > 0;
      charts.power = rebuild(charts.power);
    }
  }

  function rebuild(chart) { if (chart) { chart.destroy(); } return null; }

  function powerChart() {
    var series = [{ label: "tick" }, { label: "fleet", stroke: "#111", width: 2.5, points: { show: false } }];
    venOrder.forEach(function (name, i) { series.push({ label: name, stroke: PALETTE[i % PALETTE.length], width: 1,
      points: { show: false } }); });
    if (hasOther) { series.push({ label: "other VENs", stroke: "#999", width: 1, dash: [4, 4] }); }
    return new uPlot({ width: width("chart-power"), height: 240, scales: { x: { time: false } }, series: series,
      cursor: { points: { show: false } },
      axes: [{ label: "tick" }, { label: "kW", size: 70 }] }, powerData(), byId("chart-power"));
  }

  function powerData() {
    var data = [ticks, fleet];
    venOrder.forEach(function (name) { data.push(vens[name]); });
    if (hasOther) { data.push(other); }
    return data;
  }

  // stacked: series j draws the sum of loads 0..K-1-j, largest first, so each visible band is one component
  function loadsChart() {
    var series = [{ label: "tick" }];
    for (var j = 0; j < loadIds.length; j++) {
      var k = loadIds.length - 1 - j;
      series.push({ label: loadIds[k], stroke: LOAD_COLOURS[k % LOAD_COLOURS.length],
        fill: LOAD_COLOURS[k % LOAD_COLOURS.length], width: 1, value: rawValue(k),
        points: { show: false } });
    }
    return new uPlot({ width: width("chart-loads"), height: 200, scales: { x: { time: false } }, series: series,
      axes: [{ label: "tick" }, { label: "kW", size: 70 }] }, loadsData(), byId("chart-loads"));
  }

  function rawValue(k) {
    return function (u, value, seriesIndex, index) {
      return null === index || undefined === index || null === loads[k][index] ? "–" : loads[k][index].toFixed(3);
    };
  }

  function loadsData() {
    var data = [ticks];
    for (var j = 0; j < loadIds.length; j++) {
      var top = loadIds.length - 1 - j;
      data.push(ticks.map(function (unused, i) {
        var sum = 0;
        for (var k = 0; k <= top; k++) { sum += loads[k][i] || 0; }
        return sum;
      }));
    }
    return data;
  }

  function latencyChart() {
    return new uPlot({ width: width("chart-latency"), height: 200, scales: { x: { time: false } },
      series: [{ label: "tick" }, { label: "p50", stroke: "#2ca02c", width: 1.5, points: { show: false } },
        { label: "p99", stroke: "#d62728", width: 1.5, points: { show: false } }],
      axes: [{ label: "tick" }, { label: "µs", size: 60 }] }, [ticks, p50, p99], byId("chart-latency"));
  }

  function draw() {
    if (!charts.power) { charts.power = powerChart(); } else { charts.power.setData(powerData()); }
    if (!charts.loads) { charts.loads = loadsChart(); } else { charts.loads.setData(loadsData()); }
    if (!charts.latency) { charts.latency = latencyChart(); } else { charts.latency.setData([ticks, p50, p99]); }
  }

  function cell(row, value, bad) {
    var td = document.createElement("td");
    td.textContent = value;
    if (bad) { td.className = "bad"; }
    row.appendChild(td);
    return td;
  }

  function venTable(m) {
    var body = byId("ven-table").tBodies[0];
    body.textContent = "";
    for (var v = 0; v < m.venNames.length; v++) {
      var row = body.insertRow();
      row.dataset.ven = m.venNames[v];
      cell(row, m.venNames[v]);
      cell(row, fixed(m.venKw[v], 3)).className = "ven-kw";
      cell(row, String(m.venResources[v]));
      cell(row, fixed(m.venLatencyUs[v], 1));
    }
    if (m.otherVens > 0) {
      var rest = body.insertRow();
      rest.dataset.ven = "";
      cell(rest, m.otherVens + " other VENs");
      cell(rest, fixed(m.otherKw, 3)).className = "ven-kw";
      cell(rest, "");
      cell(rest, "");
    }
  }

  function sinkTable(m) {
    var body = byId("sink-table").tBodies[0];
    body.textContent = "";
    m.sinks.forEach(function (s) {
      var row = body.insertRow();
      row.dataset.sink = s.sink;
      cell(row, s.sink);
      cell(row, s.unit);
      cell(row, String(s.accepted));
      cell(row, String(s.delivered));
      cell(row, String(s.retried));
      cell(row, String(s.dropped), s.dropped > 0);
      cell(row, String(s.failed), s.failed > 0);
    });
  }

  function show(m) {
    text("tick", String(m.tick));
    byId("tick").dataset.tick = String(m.tick);
    text("index", String(m.index));
    text("time", m.time || "–");
    text("fleet-total", fixed(m.totalKw, 3));
    text("vens", String(m.vens));
    text("resources", String(m.resources));
    text("readings", String(m.readings));
    text("missing", String(m.missing));
    text("tick-rate", fixed(m.tickRate, 2));
    text("collect-ms", fixed(m.collectMs, 3));
    text("lat-p50", fixed(m.latencyUs.p50, 1));
    text("lat-p99", fixed(m.latencyUs.p99, 1));
    text("lat-max", fixed(m.latencyUs.max, 1));
    text("event", m.event);
    venTable(m);
    sinkTable(m);
    updates++;
    text("updates", String(updates));
  }

  var source = new EventSource("/events");
  var pending = null;
  source.addEventListener("tick", function (e) {
    var m = JSON.parse(e.data);
    record(m);
    show(m);
    if (!pending) { pending = requestAnimationFrame(function () { pending = null; draw(); }); }
  });
  source.addEventListener("end", function () {
    byId("status").textContent = "run ended";
    byId("status").className = "status ended";
    source.close();
  });
  source.onopen = function () { byId("status").textContent = "live"; byId("status").className = "status live"; };
  source.onerror = function () {
    if (source.readyState !== EventSource.CLOSED) {
      byId("status").textContent = "reconnecting";
      byId("status").className = "status";
    }
  };
}());
