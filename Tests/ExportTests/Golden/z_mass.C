// solution.ana as a ROOT C++ macro (RDataFrame).
//
// Exported by OpenKey (openkey export --to cpp). Each filter is a Filter (counted for the cut flow), each define
// a Define, each histogram a Histo1D filled with the sample's event weight; undefined values (the third lepton
// of a two-lepton event) are NaN, as in OpenKey, and fail every cut.
// Units: the ATLAS Open Data files store energies and momenta in MeV; dividing by 1000 gives GeV.
//
// Run:  root -l -b -q 'z_mass.C("DATA_FOLDER")'   (writes z_mass_histograms.root)

#include <ROOT/RDataFrame.hxx>
#include <Math/Vector4D.h>
#include <TFile.h>
#include <TH1D.h>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#ifndef OPENKEY_AT
#define OPENKEY_AT
// Element i of an event's list (negative i counts from the end), or NaN when the event has too few.
template <typename T> double at(const ROOT::RVec<T>& v, double i) {
    const long n = v.size();
    if (!std::isfinite(i) || i != std::floor(i)) return std::numeric_limits<double>::quiet_NaN();
    const long k = i < 0 ? n + long(i) : long(i);
    return k >= 0 && k < n ? double(v[k]) : std::numeric_limits<double>::quiet_NaN();
}
#endif
#ifndef OPENKEY_DIFFER
#define OPENKEY_DIFFER
// "a != b" where an undefined value (NaN) never counts as different.
template <typename A, typename B> auto differ(const A& a, const B& b) { return a != b && a == a && b == b; }
#endif
#ifndef OPENKEY_SUMP4
#define OPENKEY_SUMP4
// The sum of an event's four-vectors, given as lists of (pT, eta, phi, E), in double precision.
template <typename A, typename B, typename C, typename D>
ROOT::Math::PxPyPzEVector sum_p4(const ROOT::RVec<A>& pt, const ROOT::RVec<B>& eta, const ROOT::RVec<C>& phi, const ROOT::RVec<D>& e) {
    double px = 0, py = 0, pz = 0, energy = 0;
    for (std::size_t i = 0; i < pt.size(); ++i) {
        const double p = pt[i], h = eta[i], f = phi[i];
        px += p * std::cos(f); py += p * std::sin(f); pz += p * std::sinh(h); energy += e[i];
    }
    return ROOT::Math::PxPyPzEVector(px, py, pz, energy);
}
#endif

struct Step {
    std::string name;
    ROOT::RDF::RResultPtr<ULong64_t> events;
    ROOT::RDF::RResultPtr<double> sumw;
};

// A reported number, from sums over the events where its value is defined (not NaN).
struct Report {
    std::string name, aggregate;
    ROOT::RDF::RResultPtr<ULong64_t> events;
    ROOT::RDF::RResultPtr<double> sumw, sumwx, sumwx2, min, max;
    double value() {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        if (aggregate == "count") return double(*events);
        if (aggregate == "sum") return *sumwx;
        if (*events == 0) return nan;
        if (aggregate == "min") return *min;
        if (aggregate == "max") return *max;
        if (*sumw == 0) return nan;
        const double mean = *sumwx / *sumw;
        return aggregate == "mean" ? mean : std::sqrt(std::max(0.0, *sumwx2 / *sumw - mean * mean));
    }
};

// Books and runs the analysis on one sample.
void analyse(const std::string& data, const std::string& sample, const std::string& label, const std::string& file,
             const std::string& tree, const std::string& weight, TFile& out) {
    ROOT::RDataFrame frame(tree, data + "/" + file);
    ROOT::RDF::RNode df = frame.Define("lumi", "10.0")  // the luminosity, in fb^-1
                             .Define("weight", weight);
    std::vector<Step> cutflow{{"all events", df.Count(), df.Sum<double>("weight")}};
    std::vector<ROOT::RDF::RResultPtr<TH1D>> histograms;
    std::vector<Report> reports;

    // filter lep_n == 2                        as "two leptons"
    df = df.Filter("lep_n == 2", "two leptons");
    cutflow.push_back({"two leptons", df.Count(), df.Sum<double>("weight")});

    // filter lep_charge[0] != lep_charge[1]    as "opposite charge"
    df = df.Filter("differ(at(lep_charge, 0), at(lep_charge, 1))", "opposite charge");
    cutflow.push_back({"opposite charge", df.Count(), df.Sum<double>("weight")});

    // filter lep_type[0] == lep_type[1]        as "same flavour"
    df = df.Filter("at(lep_type, 0) == at(lep_type, 1)", "same flavour");
    cutflow.push_back({"same flavour", df.Count(), df.Sum<double>("weight")});

    // define mll = mass(lep_pt / 1000, lep_eta, lep_phi, lep_E / 1000)
    df = df.Define("mll", "sum_p4(lep_pt / 1000.0, lep_eta, lep_phi, lep_E / 1000.0).M()");

    // histogram mll bins 40 from 50 to 130 title "Dilepton mass" xlabel "m_ll [GeV]"
    histograms.push_back(df.Define("histogram_1", "mll")
                             .Histo1D({("mll_" + sample).c_str(), "Dilepton mass;m_ll [GeV];Events", 40, 50.0, 130.0}, "histogram_1", "weight"));

    // report mean(mll) as "mean mass"
    {
        auto values = df.Define("report_1", "double(mll)")
                        .Define("wx", "weight * report_1").Define("wx2", "weight * report_1 * report_1");
        reports.push_back({"mean mass", "mean", values.Count(), values.Sum<double>("weight"), values.Sum<double>("wx"),
                           values.Sum<double>("wx2"), values.Min<double>("report_1"), values.Max<double>("report_1")});
    }

    std::printf("%s (%s)\n", label.c_str(), sample.c_str());
    for (auto& step : cutflow)
        std::printf("  %-32s %10llu  %.10g\n", step.name.c_str(), (unsigned long long)*step.events, *step.sumw);
    for (auto& r : reports) std::printf("  %s: %.10g\n", r.name.c_str(), r.value());
    out.cd();
    for (auto& h : histograms) h->Write();
}

void z_mass(const char* data = ".") {
    TFile out("z_mass_histograms.root", "RECREATE");
    analyse(data, "data", "data", "2lep_data.root", "mini", "1.0", out);
    analyse(data, "zjets", "Z+jets", "2lep_Zjets.root", "mini", "double(mcWeight) * scaleFactor_ELE * scaleFactor_MUON * XSection * lumi / SumWeights", out);
    analyse(data, "ttbar", "ttbar", "2lep_ttbar.root", "mini", "double(mcWeight) * scaleFactor_ELE * scaleFactor_MUON * XSection * lumi / SumWeights", out);
    analyse(data, "diboson", "Diboson", "2lep_diboson.root", "mini", "double(mcWeight) * scaleFactor_ELE * scaleFactor_MUON * XSection * lumi / SumWeights", out);
}
