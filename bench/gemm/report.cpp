#include "report.h"

#include <cstdio>
#include <fstream>

namespace bench {
namespace {

std::string format(const char *pattern, double value) {
  char text[64];
  std::snprintf(text, sizeof text, pattern, value);
  return text;
}

std::string ratio(const Measurement &ours, const Measurement *other) {
  if (!ours.ran || !other || !other->ran || other->seconds <= 0)
    return "-";
  return format("%.2fx", other->seconds / ours.seconds);
}

// A result that disagrees with OpenBLAS is marked, so a fast wrong kernel
// cannot pass for a fast one.
std::string marked(const Measurement &measurement, double flops) {
  return formatGflops(measurement, flops) + (measurement.ran && !measurement.agrees ? "!" : "");
}

const char *precisionName(char precision) {
  return precision == 'd' ? "D" : "S";
}

std::string csvNumber(const char *pattern, bool present, double value) {
  return present ? format(pattern, value) : std::string();
}

void csvRow(std::ofstream &out, const ShapeResult &r, const std::string &implementation, int set,
            const Measurement &m) {
  const GemmShape &s = r.shape;
  std::string note = m.note;
  for (char &c : note)
    if (c == ',' || c == '"' || c == '\n')
      c = ' ';
  out << precisionName(r.precision) << ',' << s.label() << ',' << s.m << ',' << s.n << ',' << s.k
      << ',' << s.batch << ',' << implementation << ','
      << (set ? std::to_string(set) : std::string()) << ','
      << csvNumber("%.3f", m.ran, m.gflops(s.flops())) << ',' << csvNumber("%.6g", m.ran, m.seconds)
      << ',' << m.repeats << ',' << csvNumber("%.3g", m.ran && r.openblas.ran, m.maxRelError) << ','
      << (m.ran ? (m.agrees ? "yes" : "no") : "") << ',' << note << '\n';
}

} // namespace

std::string formatGflops(const Measurement &measurement, double flops) {
  return measurement.ran ? format("%.1f", measurement.gflops(flops)) : "-";
}

void printTable(const std::vector<ShapeResult> &results) {
  std::printf("\nGFLOP/s (best of N; ! = result disagrees with OpenBLAS)\n");
  std::printf("%-4s %-16s %8s %9s %14s %9s %11s %9s %11s %10s\n", "prec", "shape", "ours",
              "CLB-def", "CLB-tuned(set)", "OpenBLAS", "ours/tuned", "ours/def", "ours/OpenBL",
              "ours-err");
  for (const ShapeResult &r : results) {
    const double flops = r.shape.flops();
    const Measurement *tuned = r.clblastTuned();
    std::string tunedText = "-";
    if (tuned)
      tunedText = formatGflops(*tuned, flops) + " (" + std::to_string(r.bestSet()) + ")";
    else if (!r.clblastSets.empty())
      tunedText = "none ok";
    std::string error = "-";
    if (r.ours.ran)
      error = r.ours.agrees ? format("%.1e", r.ours.maxRelError) : "MISMATCH";
    std::printf("%-4s %-16s %8s %9s %14s %9s %11s %9s %11s %10s\n", precisionName(r.precision),
                r.shape.label().c_str(), marked(r.ours, flops).c_str(),
                marked(r.clblastDefault, flops).c_str(), tunedText.c_str(),
                formatGflops(r.openblas, flops).c_str(), ratio(r.ours, tuned).c_str(),
                ratio(r.ours, &r.clblastDefault).c_str(), ratio(r.ours, &r.openblas).c_str(),
                error.c_str());
  }
  for (const ShapeResult &r : results)
    if (!r.ours.ran)
      std::printf("ours did not run for %s %s: %s\n", precisionName(r.precision),
                  r.shape.label().c_str(), r.ours.note.c_str());
}

std::string writeCsv(const std::vector<ShapeResult> &results, const std::string &dir) {
  const std::string detailPath = dir + "/gemm-results.csv", summaryPath = dir + "/gemm-summary.csv";
  std::ofstream detail(detailPath), summary(summaryPath);
  if (!detail || !summary)
    return "cannot write " + (detail ? summaryPath : detailPath);
  detail
      << "precision,shape,m,n,k,batch,implementation,clblast_param_set,gflops,best_seconds,repeats,"
         "max_rel_error_vs_openblas,agrees,note\n";
  summary << "precision,shape,m,n,k,batch,ours_gflops,clblast_default_gflops,clblast_tuned_gflops,"
             "clblast_tuned_set,openblas_gflops,ours_per_clblast_tuned,ours_per_clblast_default,"
             "ours_per_openblas,ours_max_rel_error,ours_agrees\n";
  for (const ShapeResult &r : results) {
    csvRow(detail, r, "cucl-cublas", 0, r.ours);
    csvRow(detail, r, "clblast-default", 0, r.clblastDefault);
    for (std::size_t i = 0; i < r.clblastSets.size(); ++i)
      csvRow(detail, r, "clblast-tuned", int(i) + 1, r.clblastSets[i]);
    csvRow(detail, r, "openblas", 0, r.openblas);

    const GemmShape &s = r.shape;
    const double flops = s.flops();
    const Measurement *tuned = r.clblastTuned();
    auto gflops = [flops](const Measurement *m) {
      return csvNumber("%.3f", m && m->ran, m ? m->gflops(flops) : 0);
    };
    auto ratioCsv = [&r](const Measurement *other) {
      std::string text = ratio(r.ours, other);
      return text == "-" ? std::string() : text.substr(0, text.size() - 1);
    };
    summary << precisionName(r.precision) << ',' << s.label() << ',' << s.m << ',' << s.n << ','
            << s.k << ',' << s.batch << ',' << gflops(&r.ours) << ',' << gflops(&r.clblastDefault)
            << ',' << gflops(tuned) << ',' << (tuned ? std::to_string(r.bestSet()) : std::string())
            << ',' << gflops(&r.openblas) << ',' << ratioCsv(tuned) << ','
            << ratioCsv(&r.clblastDefault) << ',' << ratioCsv(&r.openblas) << ','
            << csvNumber("%.3g", r.ours.ran, r.ours.maxRelError) << ','
            << (r.ours.ran ? (r.ours.agrees ? "yes" : "no") : "") << '\n';
  }
  return detail && summary ? std::string() : "error writing " + dir;
}

} // namespace bench
