#include "plot.h"

#include <cstdlib>
#include <fstream>

#include "report.h"

namespace bench {
namespace {

// For /bin/sh: 'text' with embedded single quotes escaped.
std::string shellQuoted(const std::string &text) {
  std::string quoted = "'";
  for (char c : text)
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// For a gnuplot string literal.
std::string gnuplotQuoted(const std::string &text) {
  std::string quoted = "\"";
  for (char c : text)
    quoted += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
  return quoted + "\"";
}

bool succeeds(const std::string &command) {
  return std::system((command + " >/dev/null 2>&1").c_str()) == 0;
}

// One row per shape: "label ours clblast-default clblast-tuned openblas"; "-" is missing.
bool writeData(const std::string &path, const std::vector<const ShapeResult *> &rows,
               bool quoteLabels) {
  std::ofstream out(path);
  out << "# shape ours clblast_default clblast_tuned openblas (GFLOP/s)\n";
  for (const ShapeResult *r : rows) {
    const double flops = r->shape.flops();
    const Measurement *tuned = r->clblastTuned();
    const std::string label = quoteLabels ? '"' + r->shape.label() + '"' : r->shape.label();
    out << label << ' ' << formatGflops(r->ours, flops) << ' '
        << formatGflops(r->clblastDefault, flops) << ' '
        << (tuned ? formatGflops(*tuned, flops) : "-") << ' ' << formatGflops(r->openblas, flops)
        << '\n';
  }
  return bool(out);
}

// gnuplot's word() keeps quoted words together.
const char kSeries[] =
    "'ours (cucl cuBLAS)' 'CLBlast default' 'CLBlast tuned (best set)' 'OpenBLAS (host)'";

void squarePanel(std::ofstream &gp, const std::string &data, const std::string &title) {
  gp << "set title " << gnuplotQuoted(title) << "\n"
     << "set logscale x 2\nset xlabel \"m = n = k\"\nset ylabel \"GFLOP/s\"\nset key below\n"
     << "set style data linespoints\nset xtics norotate\nset yrange [0:*]\n"
     << "names = \"" << kSeries << "\"\n"
     << "plot for [i=2:5] " << gnuplotQuoted(data)
     << " using (column(1)):i title word(names, i-1)\n"
     << "unset logscale x\n";
}

void barPanel(std::ofstream &gp, const std::string &data, const std::string &title) {
  gp << "set title " << gnuplotQuoted(title) << "\n"
     << "set xlabel \"m x n x k  (batched: count x size^3)\"\nset ylabel \"GFLOP/s\"\nset key "
        "below\n"
     << "set style data histograms\nset style histogram clustered gap 1\nset style fill solid 0.8 "
        "border -1\n"
     << "set boxwidth 0.9\nset xtics rotate by -20\nset yrange [0:*]\n"
     << "names = \"" << kSeries << "\"\n"
     << "plot for [i=2:5] " << gnuplotQuoted(data) << " using i:xtic(1) title word(names, i-1)\n";
}

} // namespace

std::string writePlot(const std::vector<ShapeResult> &results, const std::string &dir,
                      std::string &why) {
  if (!succeeds("command -v gnuplot")) {
    why = "gnuplot not found (Debian: gnuplot-nox); skipping the plot";
    return std::string();
  }
  std::vector<const ShapeResult *> singleSquare, doubleSquare, singleOther, doubleOther;
  for (const ShapeResult &r : results) {
    const bool square = r.shape.kind() == ShapeKind::Square;
    if (r.precision == 's')
      (square ? singleSquare : singleOther).push_back(&r);
    else
      (square ? doubleSquare : doubleOther).push_back(&r);
  }
  struct Panel {
    std::vector<const ShapeResult *> *rows;
    const char *file, *title;
    bool bars;
  };
  std::vector<Panel> panels;
  for (const Panel &panel :
       {Panel{&singleSquare, "sgemm-square.dat", "SGEMM, square", false},
        Panel{&doubleSquare, "dgemm-square.dat", "DGEMM, square", false},
        Panel{&singleOther, "sgemm-other.dat", "SGEMM, skinny and strided-batched", true},
        Panel{&doubleOther, "dgemm-other.dat", "DGEMM, skinny and strided-batched", true}})
    if (!panel.rows->empty())
      panels.push_back(panel);
  if (panels.empty()) {
    why = "nothing to plot";
    return std::string();
  }

  const std::size_t rows = (panels.size() + 1) / 2; // two panels a row
  const std::string terminal = succeeds("gnuplot -e 'set terminal pngcairo'") ? "pngcairo" : "png";
  const std::string script = dir + "/gemm.gp", png = dir + "/gemm.png";
  std::ofstream gp(script);
  gp << "# Made by bench-gemm; rerun with: gnuplot " << script << "\n"
     << "set terminal " << terminal << " size " << (panels.size() > 1 ? 1400 : 700) << ","
     << 500 * rows << "\n"
     << "set output " << gnuplotQuoted(png) << "\n"
     << "set datafile missing \"-\"\nset grid ytics\n"
     << "set multiplot layout " << rows << "," << (panels.size() > 1 ? 2 : 1) << "\n";
  for (const Panel &panel : panels) {
    const std::string data = dir + "/" + panel.file;
    if (!writeData(data, *panel.rows, panel.bars)) {
      why = "cannot write " + data;
      return std::string();
    }
    if (panel.bars)
      barPanel(gp, data, panel.title);
    else
      squarePanel(gp, data, panel.title);
  }
  gp << "unset multiplot\n";
  gp.close();
  if (!gp) {
    why = "cannot write " + script;
    return std::string();
  }
  if (!succeeds("gnuplot " + shellQuoted(script))) {
    why = "gnuplot failed on " + script;
    return std::string();
  }
  return png;
}

} // namespace bench
