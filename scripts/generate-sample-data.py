#!/usr/bin/env python3
"""Generates the synthetic sample ntuples in Exercises/data/ (ATLAS Open Data 13 TeV education schema).

Development tool only: needs numpy and the real ROOT (PyPI package `root`). The output is deterministic
(fixed seeds) and synthetic: toy physics models, not real ATLAS data and not a detector simulation.
Every file holds a tree `mini` with energies and momenta in MeV, written with zlib level 1 (setting 101).

MC weights follow the Open Data convention
    weight = mcWeight * scaleFactor_ELE * scaleFactor_MUON * XSection * 10.0 / SumWeights
so that each MC sample is normalised to 10 fb^-1 and agrees with the matching data file
(XSection is the effective cross-section in fb after the generator-level selection; SumWeights is the sum
of mcWeight over the file). Data files carry mcWeight = 1, scale factors 1, XSection = 1, SumWeights = 1.

Usage: python3 scripts/generate-sample-data.py [OUTPUT_DIR] [--only GROUP|FILE]...   (default: Exercises/data)
    GROUP is 2lep, 4lep, GamGam or 1lep (repeatable): write only the files whose names start with it.
    FILE is one file's name without .root (e.g. GamGam_yy): write only that file.
    Every group (and every file) has its own seeds, so `--only 1lep` gives exactly the same 1lep_* files as a
    full run and leaves the other files (and their bytes) untouched; `--only GamGam_yy` writes only the diphoton
    background MC, added later without changing any event (or byte) of GamGam_data.root and GamGam_Hyy.root.
"""
import os
import sys
import warnings

import numpy as np

warnings.filterwarnings("ignore")
import ROOT  # noqa: E402

ROOT.gROOT.SetBatch(True)

MZ, GZ = 91.1876, 2.4952          # GeV
ME, MMU = 0.000511, 0.10566       # GeV
LUMI = 10.0                       # fb^-1, the factor in the weight expression
LEP_RES = 0.028                   # relative pt resolution per lepton -> ~2 % m_ll resolution
PHO_RES = 0.022                   # relative energy resolution per photon -> ~1.6 % m_yy resolution
COMPRESSION = 101                 # ROOT.RCompressionSetting.EAlgorithm.kZLIB * 100 + level 1

# ----------------------------------------------------------------------------------------------------------
# Writer: a small C++ function fills the TTree from flat numpy arrays (fast, exact ROOT types).
ROOT.gInterpreter.Declare(r"""
#include <vector>
#include "TFile.h"
#include "TTree.h"
void openkey_write_mini(const char* path, const char* title, long long n,
    const int* ints /* n*3: run, event, channel */, const float* flt /* n*12 */,
    const int* trig /* n*3 */,
    const int* lepN, const float* lf /* L*6 */, const int* li /* L*3: charge, type, tight */,
    const int* jetN, const float* jf /* J*4 */,
    const int* phN, const float* pf /* P*4 */, const int* ptight) {
  TFile file(path, "RECREATE", title, 101);
  TTree* t = new TTree("mini", title);
  Int_t runNumber, eventNumber, channelNumber, lep_n, jet_n, photon_n;
  Float_t mcWeight, sfPU, sfELE, sfMUON, sfPHOTON, sfTRIG, met_et, met_phi, XSection, SumWeights;
  Bool_t trigE, trigM, trigP;
  std::vector<float> lpt, leta, lphi, lE, lptc, letc, jpt, jeta, jphi, jE, ppt, peta, pphi, pE;
  std::vector<int> lq, ltype; std::vector<bool> ltight, ptightv;
  t->Branch("runNumber", &runNumber, "runNumber/I");
  t->Branch("eventNumber", &eventNumber, "eventNumber/I");
  t->Branch("channelNumber", &channelNumber, "channelNumber/I");
  t->Branch("mcWeight", &mcWeight, "mcWeight/F");
  t->Branch("scaleFactor_PILEUP", &sfPU, "scaleFactor_PILEUP/F");
  t->Branch("scaleFactor_ELE", &sfELE, "scaleFactor_ELE/F");
  t->Branch("scaleFactor_MUON", &sfMUON, "scaleFactor_MUON/F");
  t->Branch("scaleFactor_PHOTON", &sfPHOTON, "scaleFactor_PHOTON/F");
  t->Branch("scaleFactor_LepTRIGGER", &sfTRIG, "scaleFactor_LepTRIGGER/F");
  t->Branch("trigE", &trigE, "trigE/O");
  t->Branch("trigM", &trigM, "trigM/O");
  t->Branch("trigP", &trigP, "trigP/O");
  t->Branch("lep_n", &lep_n, "lep_n/I");
  t->Branch("lep_pt", &lpt); t->Branch("lep_eta", &leta); t->Branch("lep_phi", &lphi); t->Branch("lep_E", &lE);
  t->Branch("lep_charge", &lq); t->Branch("lep_type", &ltype);
  t->Branch("lep_ptcone30", &lptc); t->Branch("lep_etcone20", &letc); t->Branch("lep_isTightID", &ltight);
  t->Branch("jet_n", &jet_n, "jet_n/I");
  t->Branch("jet_pt", &jpt); t->Branch("jet_eta", &jeta); t->Branch("jet_phi", &jphi); t->Branch("jet_E", &jE);
  t->Branch("photon_n", &photon_n, "photon_n/I");
  t->Branch("photon_pt", &ppt); t->Branch("photon_eta", &peta); t->Branch("photon_phi", &pphi);
  t->Branch("photon_E", &pE); t->Branch("photon_isTightID", &ptightv);
  t->Branch("met_et", &met_et, "met_et/F");
  t->Branch("met_phi", &met_phi, "met_phi/F");
  t->Branch("XSection", &XSection, "XSection/F");
  t->Branch("SumWeights", &SumWeights, "SumWeights/F");
  long long lo = 0, jo = 0, po = 0;
  for (long long i = 0; i < n; ++i) {
    runNumber = ints[3*i]; eventNumber = ints[3*i+1]; channelNumber = ints[3*i+2];
    const float* f = flt + 12*i;
    mcWeight = f[0]; sfPU = f[1]; sfELE = f[2]; sfMUON = f[3]; sfPHOTON = f[4]; sfTRIG = f[5];
    met_et = f[6]; met_phi = f[7]; XSection = f[8]; SumWeights = f[9];
    trigE = trig[3*i] != 0; trigM = trig[3*i+1] != 0; trigP = trig[3*i+2] != 0;
    lpt.clear(); leta.clear(); lphi.clear(); lE.clear(); lptc.clear(); letc.clear();
    lq.clear(); ltype.clear(); ltight.clear();
    lep_n = lepN[i];
    for (int k = 0; k < lep_n; ++k, ++lo) {
      lpt.push_back(lf[6*lo]); leta.push_back(lf[6*lo+1]); lphi.push_back(lf[6*lo+2]);
      lE.push_back(lf[6*lo+3]); lptc.push_back(lf[6*lo+4]); letc.push_back(lf[6*lo+5]);
      lq.push_back(li[3*lo]); ltype.push_back(li[3*lo+1]); ltight.push_back(li[3*lo+2] != 0);
    }
    jpt.clear(); jeta.clear(); jphi.clear(); jE.clear();
    jet_n = jetN[i];
    for (int k = 0; k < jet_n; ++k, ++jo) {
      jpt.push_back(jf[4*jo]); jeta.push_back(jf[4*jo+1]); jphi.push_back(jf[4*jo+2]); jE.push_back(jf[4*jo+3]);
    }
    ppt.clear(); peta.clear(); pphi.clear(); pE.clear(); ptightv.clear();
    photon_n = phN[i];
    for (int k = 0; k < photon_n; ++k, ++po) {
      ppt.push_back(pf[4*po]); peta.push_back(pf[4*po+1]); pphi.push_back(pf[4*po+2]); pE.push_back(pf[4*po+3]);
      ptightv.push_back(ptight[po] != 0);
    }
    t->Fill();
  }
  file.Write();
  file.Close();
}
""")


# ----------------------------------------------------------------------------------------------------------
# Kinematics helpers (GeV; arrays of shape (N,) or (N, 4) with columns E, px, py, pz).

def breit_wigner(rng, n, m0, gamma, lo, hi):
    """Relativistic-ish (Cauchy) Breit-Wigner truncated to [lo, hi] by inverse CDF."""
    a, b = np.arctan((lo - m0) / (gamma / 2)), np.arctan((hi - m0) / (gamma / 2))
    return m0 + gamma / 2 * np.tan(rng.uniform(a, b, n))


def parent_p4(rng, m, pt_scale, y_sigma):
    n = len(m)
    pt = rng.exponential(pt_scale, n)
    y = rng.normal(0, y_sigma, n)
    phi = rng.uniform(-np.pi, np.pi, n)
    mt = np.sqrt(m * m + pt * pt)
    return np.stack([mt * np.cosh(y), pt * np.cos(phi), pt * np.sin(phi), mt * np.sinh(y)], axis=1)


def boost(p4, parent):
    """Boosts p4 (given in the parent rest frame) into the frame where the parent has 4-momentum `parent`."""
    b = parent[:, 1:] / parent[:, :1]
    b2 = np.clip((b * b).sum(axis=1), 0, 1 - 1e-15)
    g = 1 / np.sqrt(1 - b2)
    bp = (b * p4[:, 1:]).sum(axis=1)
    g2 = np.where(b2 > 0, (g - 1) / np.where(b2 > 0, b2, 1), 0)
    e = g * (p4[:, 0] + bp)
    p = p4[:, 1:] + (g2 * bp + g * p4[:, 0])[:, None] * b
    return np.concatenate([e[:, None], p], axis=1)


def two_body(rng, parent, m_parent, m1, m2, cos_sampler=None):
    """Isotropic (or cos_sampler-shaped) two-body decay; returns the two daughters in the lab frame."""
    n = len(parent)
    M = m_parent
    ps = np.sqrt(np.clip((M * M - (m1 + m2) ** 2) * (M * M - (m1 - m2) ** 2), 0, None)) / (2 * M)
    c = cos_sampler(n) if cos_sampler else rng.uniform(-1, 1, n)
    s = np.sqrt(1 - c * c)
    ph = rng.uniform(-np.pi, np.pi, n)
    d = np.stack([s * np.cos(ph), s * np.sin(ph), c], axis=1) * ps[:, None]
    e1 = np.sqrt(ps * ps + m1 * m1)
    e2 = np.sqrt(ps * ps + m2 * m2)
    p1 = np.concatenate([e1[:, None], d], axis=1)
    p2 = np.concatenate([e2[:, None], -d], axis=1)
    return boost(p1, parent), boost(p2, parent)


def one_plus_cos2(rng):
    """Sampler of cos(theta) from 1 + cos^2(theta) (vector boson to fermion pair), by accept-reject."""
    def sample(n):
        out = np.empty(0)
        while len(out) < n:
            c = rng.uniform(-1, 1, 2 * n)
            out = np.concatenate([out, c[rng.uniform(0, 2, 2 * n) < 1 + c * c]])
        return out[:n]
    return sample


def pt_eta_phi(p4):
    pt = np.hypot(p4[:, 1], p4[:, 2])
    return pt, np.arcsinh(p4[:, 3] / np.maximum(pt, 1e-9)), np.arctan2(p4[:, 2], p4[:, 1])


def in_lepton_acceptance(pt, eta, flavour, ptmin=7.0):
    ae = np.abs(eta)
    ele = (flavour == 11) & (ae < 2.47) & ~((ae > 1.37) & (ae < 1.52))
    mu = (flavour == 13) & (ae < 2.5)
    return (pt > ptmin) & (ele | mu)


def truncated_normal(rng, n, sigma, limit):
    x = rng.normal(0, sigma, n)
    bad = np.abs(x) >= limit
    x[bad] = rng.uniform(-limit, limit, bad.sum())
    return x


# ----------------------------------------------------------------------------------------------------------
# Event blocks: padded object arrays (NaN pt = no object), GeV, later merged, sorted and written.

class Block:
    def __init__(self, n):
        self.n = n
        self.lep = {k: np.full((n, 0), np.nan) for k in ["pt", "eta", "phi", "m", "q", "type", "ptc", "etc", "tight"]}
        self.jet = {k: np.full((n, 0), np.nan) for k in ["pt", "eta", "phi", "E"]}
        self.pho = {k: np.full((n, 0), np.nan) for k in ["pt", "eta", "phi", "tight"]}
        self.met_x = np.zeros(n)
        self.met_y = np.zeros(n)

    def take(self, idx):
        b = Block(len(idx))
        for group in ["lep", "jet", "pho"]:
            setattr(b, group, {k: v[idx] for k, v in getattr(self, group).items()})
        b.met_x, b.met_y = self.met_x[idx], self.met_y[idx]
        return b


def leptons_from(rng, p4s, flavours, charges, fake=None):
    """Smeared leptons (N, k) from true lab 4-vectors; fake marks non-prompt (non-isolated) leptons."""
    n, k = len(p4s[0]), len(p4s)
    L = {}
    pts, etas, phis = zip(*[pt_eta_phi(p) for p in p4s])
    pt = np.stack(pts, axis=1) * (1 + LEP_RES * rng.standard_normal((n, k)))
    L["pt"], L["eta"], L["phi"] = pt, np.stack(etas, axis=1), np.stack(phis, axis=1)
    L["type"] = np.asarray(flavours, dtype=float)
    L["m"] = np.where(L["type"] == 11, ME, MMU)
    L["q"] = np.asarray(charges, dtype=float)
    fake = np.zeros((n, k), bool) if fake is None else fake
    iso_pt = np.where(rng.uniform(size=(n, k)) < 0.6, 0.0, rng.exponential(1.0, (n, k)))
    L["ptc"] = np.where(fake, rng.exponential(6.0, (n, k)), iso_pt)
    L["etc"] = np.where(fake, rng.normal(4.0, 3.0, (n, k)), rng.normal(0.2, 1.0, (n, k)))
    L["tight"] = np.where(fake, rng.uniform(size=(n, k)) < 0.5, rng.uniform(size=(n, k)) < 0.97).astype(float)
    return L


def add_jets(rng, b, mean_extra, base=0, pt_scale=30.0, max_jets=8):
    n = b.n
    nj = np.minimum(base + rng.poisson(mean_extra, n), max_jets)
    J = max(int(nj.max(initial=0)), 1)
    pt = 20 + rng.exponential(pt_scale, (n, J))
    if base:
        pt[:, :base] = 25 + rng.exponential(pt_scale * 1.6, (n, base))
    eta = truncated_normal(rng, n * J, 1.4, 2.5).reshape(n, J)
    phi = rng.uniform(-np.pi, np.pi, (n, J))
    m = pt * rng.uniform(0.05, 0.2, (n, J))
    E = np.sqrt((pt * np.cosh(eta)) ** 2 + m * m)
    present = np.arange(J)[None, :] < nj[:, None]
    b.jet = {"pt": np.where(present, pt, np.nan), "eta": eta, "phi": phi, "E": E}
    # jets take recoil: a little extra MET resolution per jet
    b.met_x += rng.normal(0, 3.0, n) * np.sqrt(nj)
    b.met_y += rng.normal(0, 3.0, n) * np.sqrt(nj)


def add_met(rng, b, sigma, neutrinos=()):
    b.met_x += rng.normal(0, sigma, b.n)
    b.met_y += rng.normal(0, sigma, b.n)
    for p in neutrinos:
        b.met_x += p[:, 1]
        b.met_y += p[:, 2]


def accept_loop(rng, n, make):
    """Calls make(rng, batch) -> (Block, accepted mask) until n events are accepted; returns n of them."""
    parts, have = [], 0
    while have < n:
        b, ok = make(rng, max(2 * (n - have), 1000))
        idx = np.nonzero(ok)[0]
        parts.append(b.take(idx))
        have += len(idx)
    return merge(parts, shuffle=None).take(np.arange(n))


def random_flavour(rng, n):
    return np.where(rng.uniform(size=n) < 0.5, 11, 13)


def random_charge(rng, n):
    return np.where(rng.uniform(size=n) < 0.5, -1, 1)


def dilepton_ok(L, lead=25.0, sub=7.0):
    acc = in_lepton_acceptance(L["pt"], L["eta"], L["type"], sub).all(axis=1)
    return acc & (np.nanmax(L["pt"], axis=1) > lead)


# ---- 2-lepton processes ----------------------------------------------------------------------------------

def make_z(rng, n):
    """Z/gamma* -> ee/mumu: 94 % Breit-Wigner Z, 6 % falling Drell-Yan continuum at low mass."""
    dy = rng.uniform(size=n) < 0.06
    m = breit_wigner(rng, n, MZ, GZ, 60.0, 130.0)
    m[dy] = 15 + rng.exponential(14.0, dy.sum())
    Z = parent_p4(rng, m, 9.0, 1.8)
    fl = random_flavour(rng, n)
    mass = np.where(fl == 11, ME, MMU)
    l1, l2 = two_body(rng, Z, m, mass, mass, one_plus_cos2(rng))
    q1 = random_charge(rng, n)
    b = Block(n)
    b.lep = leptons_from(rng, [l1, l2], np.stack([fl, fl], 1), np.stack([q1, -q1], 1))
    add_jets(rng, b, 0.6)
    add_met(rng, b, 7.0)
    return b, dilepton_ok(b.lep)


def make_ttbar(rng, n):
    """ttbar -> WbWb -> l nu l nu bb: two independent W->l nu decays boosted by the top kinematics."""
    b = Block(n)
    leps, nus = [], []
    for _ in range(2):
        top = parent_p4(rng, np.full(n, 172.5), 70.0, 1.2)
        w, bq = two_body(rng, top, np.full(n, 172.5), np.full(n, 80.4), np.full(n, 4.8))
        l, nu = two_body(rng, w, np.full(n, 80.4), np.zeros(n), np.zeros(n))
        leps.append(l)
        nus.append(nu)
    fl = np.stack([random_flavour(rng, n), random_flavour(rng, n)], 1)
    q1 = random_charge(rng, n)
    b.lep = leptons_from(rng, leps, fl, np.stack([q1, -q1], 1))
    add_jets(rng, b, 0.8, base=2, pt_scale=35.0)
    add_met(rng, b, 8.0, nus)
    return b, dilepton_ok(b.lep)


def make_diboson(rng, n):
    """WW -> l nu l nu (55 %), WZ -> l nu ll (30 %, three leptons), ZZ -> ll nu nu (15 %)."""
    kind = rng.choice(3, n, p=[0.55, 0.30, 0.15])
    b = Block(n)
    # WW: two W from a 2-body 'resonance' of broad mass
    mww = 165 + rng.exponential(80.0, n)
    sysp = parent_p4(rng, mww, 25.0, 1.4)
    w1, w2 = two_body(rng, sysp, mww, np.full(n, 80.4), np.full(n, 80.4))
    l1, nu1 = two_body(rng, w1, np.full(n, 80.4), np.zeros(n), np.zeros(n))
    l2, nu2 = two_body(rng, w2, np.full(n, 80.4), np.zeros(n), np.zeros(n))
    # WZ / ZZ: Z -> ll plus W -> l nu or Z -> nu nu
    mz = breit_wigner(rng, n, MZ, GZ, 60.0, 130.0)
    mvz = mz + 80.4 + 10 + rng.exponential(90.0, n)
    sys2 = parent_p4(rng, mvz, 25.0, 1.4)
    z, v = two_body(rng, sys2, mvz, mz, np.full(n, 80.4))
    fz = random_flavour(rng, n)
    mzl = np.where(fz == 11, ME, MMU)
    z1, z2 = two_body(rng, z, mz, mzl, mzl, one_plus_cos2(rng))
    l3, nu3 = two_body(rng, v, np.full(n, 80.4), np.zeros(n), np.zeros(n))
    isz = kind >= 1
    pick = lambda a, c: np.where(isz[:, None], c, a)
    p1, p2 = pick(l1, z1), pick(l2, z2)
    f1 = np.where(isz, fz, random_flavour(rng, n))
    f2 = np.where(isz, fz, random_flavour(rng, n))
    f3 = random_flavour(rng, n)
    q1 = random_charge(rng, n)
    q3 = random_charge(rng, n)
    L = leptons_from(rng, [p1, p2, l3], np.stack([f1, f2, f3], 1), np.stack([q1, -q1, q3], 1))
    three = kind == 1
    L["pt"][~three, 2] = np.nan
    b.lep = L
    add_jets(rng, b, 0.5)
    nux = np.where(kind[:, None] == 0, nu1 + nu2, np.where(kind[:, None] == 1, nu3, v))
    add_met(rng, b, 8.0, [nux])
    ok = in_lepton_acceptance(L["pt"][:, :2], L["eta"][:, :2], L["type"][:, :2]).all(axis=1)
    ok &= np.nanmax(L["pt"], axis=1) > 25
    ok &= ~three | in_lepton_acceptance(L["pt"][:, 2], L["eta"][:, 2], L["type"][:, 2])
    return b, ok


def make_fake(rng, n):
    """W+jets with one non-prompt lepton from a jet: random charges and flavours, non-isolated."""
    W = parent_p4(rng, np.full(n, 80.4), 15.0, 1.8)
    l1, nu = two_body(rng, W, np.full(n, 80.4), np.zeros(n), np.zeros(n))
    pt = 7 + rng.exponential(12.0, n)
    eta = truncated_normal(rng, n, 1.4, 2.5)
    phi = rng.uniform(-np.pi, np.pi, n)
    l2 = np.stack([pt * np.cosh(eta), pt * np.cos(phi), pt * np.sin(phi), pt * np.sinh(eta)], 1)
    b = Block(n)
    fake = np.zeros((n, 2), bool)
    fake[:, 1] = True
    b.lep = leptons_from(rng, [l1, l2], np.stack([random_flavour(rng, n), random_flavour(rng, n)], 1),
                         np.stack([random_charge(rng, n), random_charge(rng, n)], 1), fake)
    add_jets(rng, b, 1.0, base=1)
    add_met(rng, b, 8.0, [nu])
    return b, dilepton_ok(b.lep)


# ---- 4-lepton processes ----------------------------------------------------------------------------------

def four_leptons(rng, M, m1, m2, pt_scale, y_sigma):
    n = len(M)
    sysp = parent_p4(rng, M, pt_scale, y_sigma)
    z1, z2 = two_body(rng, sysp, M, m1, m2)
    fa, fb = random_flavour(rng, n), random_flavour(rng, n)
    ma, mb = np.where(fa == 11, ME, MMU), np.where(fb == 11, ME, MMU)
    a1, a2 = two_body(rng, z1, m1, ma, ma, one_plus_cos2(rng))
    b1, b2 = two_body(rng, z2, m2, mb, mb, one_plus_cos2(rng))
    qa, qb = random_charge(rng, n), random_charge(rng, n)
    b = Block(n)
    b.lep = leptons_from(rng, [a1, a2, b1, b2], np.stack([fa, fa, fb, fb], 1), np.stack([qa, -qa, qb, -qb], 1))
    add_jets(rng, b, 0.5)
    add_met(rng, b, 7.0)
    return b


def four_lepton_ok(L):
    ok = in_lepton_acceptance(L["pt"], L["eta"], L["type"]).all(axis=1)
    s = -np.sort(-L["pt"], axis=1)
    return ok & (s[:, 0] > 25) & (s[:, 1] > 15) & (s[:, 2] > 10)


def make_hzz(rng, n):
    """gg -> H(125) -> ZZ* -> 4l: on-shell Z1, off-shell Z2 between 12 GeV and m_H - m_Z1."""
    M = np.full(n, 125.0)
    m1 = breit_wigner(rng, n, MZ, GZ, 50.0, 106.0)
    m2 = 12 + (M - m1 - 12.5) * rng.beta(3.0, 1.3, n)
    b = four_leptons(rng, M, m1, m2, 20.0, 1.6)
    return b, four_lepton_ok(b.lep)


def make_zz4l(rng, n):
    """qq -> ZZ(*) -> 4l: on-shell ZZ (80 %), off-shell ZZ* continuum 110-180 GeV (12 %), Z -> 4l (8 %)."""
    kind = rng.choice(3, n, p=[0.80, 0.12, 0.08])
    m1 = breit_wigner(rng, n, MZ, GZ, 60.0, 120.0)
    m2 = breit_wigner(rng, n, MZ, GZ, 60.0, 120.0)
    M = m1 + m2 + rng.gamma(1.2, 30.0, n)
    off = kind == 1
    M[off] = rng.uniform(110, 180, off.sum())
    m1[off] = breit_wigner(rng, off.sum(), MZ, GZ, 50.0, 106.0)
    m1[off] = np.minimum(m1[off], M[off] - 13)
    m2[off] = 12 + (M[off] - m1[off] - 12.5) * rng.beta(2.0, 1.5, off.sum())
    z4 = kind == 2
    M[z4] = breit_wigner(rng, z4.sum(), MZ, GZ, 80.0, 100.0)
    m1[z4] = rng.uniform(40, 80, z4.sum())
    m2[z4] = 4 + (M[z4] - m1[z4] - 4.5) * rng.beta(1.5, 1.5, z4.sum())
    b = four_leptons(rng, M, m1, m2, 20.0, 1.5)
    return b, four_lepton_ok(b.lep)


def make_z_fakes4l(rng, n):
    """Z+jets / ttbar with two non-prompt leptons (data only): Z -> ll plus two non-isolated leptons."""
    m = breit_wigner(rng, n, MZ, GZ, 60.0, 120.0)
    Z = parent_p4(rng, m, 15.0, 1.8)
    fl = random_flavour(rng, n)
    mass = np.where(fl == 11, ME, MMU)
    l1, l2 = two_body(rng, Z, m, mass, mass, one_plus_cos2(rng))
    fakes = []
    for _ in range(2):
        pt = 7 + rng.exponential(10.0, n)
        eta = truncated_normal(rng, n, 1.4, 2.5)
        phi = rng.uniform(-np.pi, np.pi, n)
        fakes.append(np.stack([pt * np.cosh(eta), pt * np.cos(phi), pt * np.sin(phi), pt * np.sinh(eta)], 1))
    fb = random_flavour(rng, n)
    q1, q3 = random_charge(rng, n), random_charge(rng, n)
    fake = np.zeros((n, 4), bool)
    fake[:, 2:] = True
    b = Block(n)
    b.lep = leptons_from(rng, [l1, l2] + fakes, np.stack([fl, fl, fb, fb], 1),
                         np.stack([q1, -q1, q3, np.where(rng.uniform(size=n) < 0.7, -q3, q3)], 1), fake)
    add_jets(rng, b, 1.2, base=1)
    add_met(rng, b, 8.0)
    return b, four_lepton_ok(b.lep)


# ---- diphoton processes ----------------------------------------------------------------------------------

def diphoton(rng, M, pt_scale, y_sigma, tight_p):
    n = len(M)
    sysp = parent_p4(rng, M, pt_scale, y_sigma)
    g1, g2 = two_body(rng, sysp, M, np.zeros(n), np.zeros(n))
    b = Block(n)
    pts, etas, phis = zip(*[pt_eta_phi(g) for g in (g1, g2)])
    extra = rng.uniform(size=n) < 0.05   # a soft extra photon in a few events
    pt3 = np.where(extra, 10 + rng.exponential(8.0, n), np.nan)
    eta3 = truncated_normal(rng, n, 1.3, 2.37)
    phi3 = rng.uniform(-np.pi, np.pi, n)
    pt = np.stack(list(pts) + [pt3], 1)
    pt[:, :2] *= 1 + PHO_RES * rng.standard_normal((n, 2))
    b.pho = {"pt": pt, "eta": np.stack(list(etas) + [eta3], 1), "phi": np.stack(list(phis) + [phi3], 1),
             "tight": (rng.uniform(size=(n, 3)) < tight_p).astype(float)}
    ae = np.abs(b.pho["eta"][:, :2])
    ok = ((ae < 2.37) & ~((ae > 1.37) & (ae < 1.52))).all(axis=1)
    lead, sub = np.max(pt[:, :2], axis=1), np.min(pt[:, :2], axis=1)
    Mreco = np.sqrt(2 * pt[:, 0] * pt[:, 1] * (np.cosh(b.pho["eta"][:, 0] - b.pho["eta"][:, 1])
                                                - np.cos(b.pho["phi"][:, 0] - b.pho["phi"][:, 1])))
    ok &= (lead > 0.35 * Mreco) & (sub > 0.25 * Mreco) & (sub > 25)
    add_met(rng, b, 8.0)
    return b, ok


def make_yy_background(rng, n):
    """Continuum diphoton (gamma gamma and gamma-jet): m_yy falling exponentially above 95 GeV.
    Used for the background of GamGam_data.root and, drawn separately, for the MC sample GamGam_yy.root."""
    M = 95 + rng.exponential(33.0, n)
    b, ok = diphoton(rng, M, 25.0, 1.3, 0.85)
    add_jets(rng, b, 1.0)
    return b, ok


def make_hyy(rng, n):
    """gg -> H(125) -> gamma gamma."""
    b, ok = diphoton(rng, np.full(n, 125.0), 22.0, 1.5, 0.95)
    add_jets(rng, b, 0.7)
    return b, ok


# ---- 1-lepton processes (their own seeds; see one_lepton_jobs) -------------------------------------------

MW, GW = 80.379, 2.085            # GeV


def w_plus_fraction(rng, n, frac=0.58):
    """Lepton charges of W -> l nu: at the LHC about 58 % of W bosons are W+ (the proton has two u quarks)."""
    return np.where(rng.uniform(size=n) < frac, 1, -1)


def one_lepton_ok(L, ptmin=20.0):
    """Generator-level filter: the leading lepton in acceptance with pt > ptmin (looser than the analysis cut).
    Further leptons outside the acceptance are dropped (set to NaN) instead of rejecting the event."""
    acc = in_lepton_acceptance(L["pt"], L["eta"], L["type"])
    lead = np.argmax(np.where(acc, L["pt"], -1.0), axis=1)
    L["pt"][:, 1:][~acc[:, 1:]] = np.nan
    ok = acc.any(axis=1) & (np.take_along_axis(np.where(acc, L["pt"], -1.0), lead[:, None], 1)[:, 0] > ptmin)
    return ok


def make_w_lnu(rng, n):
    """W -> e nu / mu nu (+ jets): Breit-Wigner W with a soft-plus-hard pt spectrum, 1 + cos^2 decay; the
    neutrino makes real missing E_T, so m_T has a Jacobian edge at m_W. 4 % of events carry an extra soft
    non-prompt lepton from a heavy-flavour jet."""
    m = breit_wigner(rng, n, MW, GW, 50.0, 150.0)
    hard = rng.uniform(size=n) < 0.20
    W = parent_p4(rng, m, 8.0, 2.0)
    Wh = parent_p4(rng, m, 25.0, 2.0)
    W[hard] = Wh[hard]
    l1, nu = two_body(rng, W, m, np.zeros(n), np.zeros(n), one_plus_cos2(rng))
    pt = 7 + rng.exponential(6.0, n)
    eta = truncated_normal(rng, n, 1.4, 2.5)
    phi = rng.uniform(-np.pi, np.pi, n)
    l2 = np.stack([pt * np.cosh(eta), pt * np.cos(phi), pt * np.sin(phi), pt * np.sinh(eta)], 1)
    fake = np.zeros((n, 2), bool)
    fake[:, 1] = True
    b = Block(n)
    b.lep = leptons_from(rng, [l1, l2], np.stack([random_flavour(rng, n), random_flavour(rng, n)], 1),
                         np.stack([w_plus_fraction(rng, n), random_charge(rng, n)], 1), fake)
    b.lep["pt"][rng.uniform(size=n) >= 0.04, 1] = np.nan
    add_jets(rng, b, 0.4 + 1.6 * hard)
    add_met(rng, b, 6.0, [nu])
    return b, one_lepton_ok(b.lep)


def make_ttbar_1l(rng, n):
    """ttbar -> WbWb: lepton + jets (80 %, one W -> l nu, the other -> qq) and dilepton (20 %, the second
    lepton kept when it is in the acceptance). >= 3 jets; missing E_T from the neutrinos."""
    dilep = rng.uniform(size=n) < 0.20
    leps, nus = [], []
    for _ in range(2):
        top = parent_p4(rng, np.full(n, 172.5), 70.0, 1.2)
        w, bq = two_body(rng, top, np.full(n, 172.5), np.full(n, MW), np.full(n, 4.8))
        l, nu = two_body(rng, w, np.full(n, MW), np.zeros(n), np.zeros(n))
        leps.append(l)
        nus.append(nu)
    nus[1] = np.where(dilep[:, None], nus[1], 0.0)
    b = Block(n)
    q1 = random_charge(rng, n)
    b.lep = leptons_from(rng, leps, np.stack([random_flavour(rng, n), random_flavour(rng, n)], 1),
                         np.stack([q1, -q1], 1))
    b.lep["pt"][~dilep, 1] = np.nan
    add_jets(rng, b, 1.0, base=3, pt_scale=35.0)
    add_met(rng, b, 8.0, nus)
    return b, one_lepton_ok(b.lep)


def make_multijet(rng, n):
    """Multijet events with one non-prompt lepton (data only): soft, falling lepton pt, mostly not isolated
    (a third look isolated), missing E_T from jet mismeasurement, often along the lepton's jet, so m_T piles
    up at low values."""
    pt = 20 + rng.exponential(11.0, n)
    eta = truncated_normal(rng, n, 1.4, 2.5)
    phi = rng.uniform(-np.pi, np.pi, n)
    l1 = np.stack([pt * np.cosh(eta), pt * np.cos(phi), pt * np.sin(phi), pt * np.sinh(eta)], 1)
    b = Block(n)
    b.lep = leptons_from(rng, [l1], random_flavour(rng, n)[:, None], random_charge(rng, n)[:, None],
                         np.ones((n, 1), bool))
    looks_isolated = rng.uniform(size=n) < 0.35
    b.lep["ptc"][looks_isolated, 0] = rng.exponential(1.5, looks_isolated.sum())
    b.lep["etc"][looks_isolated, 0] = rng.normal(1.0, 1.5, looks_isolated.sum())
    add_jets(rng, b, 1.0, base=2)
    along = rng.exponential(14.0, n)
    dphi = rng.normal(0, 0.5, n)
    add_met(rng, b, 12.0, [np.stack([along, along * np.cos(phi + dphi), along * np.sin(phi + dphi)], 1)])
    return b, one_lepton_ok(b.lep)


# ----------------------------------------------------------------------------------------------------------
# Merging, per-event pt ordering, flattening, writing.

def _pad(a, k):
    return a if a.shape[1] == k else np.concatenate([a, np.full((a.shape[0], k - a.shape[1]), np.nan)], 1)


def merge(blocks, shuffle=None):
    out = Block(0)
    out.n = sum(b.n for b in blocks)
    for group in ["lep", "jet", "pho"]:
        k = max(getattr(b, group)["pt"].shape[1] for b in blocks)
        setattr(out, group, {key: np.concatenate([_pad(getattr(b, group)[key], k) for b in blocks])
                             for key in getattr(blocks[0], group)})
    out.met_x = np.concatenate([b.met_x for b in blocks])
    out.met_y = np.concatenate([b.met_y for b in blocks])
    if shuffle is not None:
        out = out.take(shuffle.permutation(out.n))
    return out


def q(x, step):
    """Quantises to a power-of-two step (well below any resolution) so zlib compresses the floats."""
    return np.round(x / step) * step


def flatten(group, mev_keys):
    """Sorts each event's objects by pt (descending) and returns counts plus flat per-object arrays."""
    pt = group["pt"]
    order = np.argsort(np.where(np.isnan(pt), np.inf, -pt), axis=1, kind="stable")
    sorted_ = {k: np.take_along_axis(v, order, 1) for k, v in group.items()}
    present = ~np.isnan(sorted_["pt"])
    counts = present.sum(axis=1).astype(np.int32)
    flat = {k: v[present] for k, v in sorted_.items()}
    return counts, flat


def write(path, block, *, channel, is_mc, rng, xsec_target=None, run_numbers=None, title=""):
    n = block.n
    L, J, P = block.lep, block.jet, block.pho
    lep_n, lf = flatten(L, None)
    jet_n, jf = flatten(J, None)
    ph_n, pf = flatten(P, None)

    # lepton E with mass; quantise (pt, E in MeV to 1 MeV steps, angles to 2^-12)
    a = 2.0 ** -12
    lpt, leta = q(lf["pt"] * 1000, 1.0), q(lf["eta"], a)
    lphi = np.clip(q(lf["phi"], a), -np.pi, np.pi)
    lE = q(np.sqrt((lpt * np.cosh(leta)) ** 2 + (lf["m"] * 1000) ** 2), 1.0)
    lepf = np.stack([lpt, leta, lphi, lE, q(np.maximum(lf["ptc"], 0) * 1000, 1.0), q(lf["etc"] * 1000, 1.0)], 1)
    lepi = np.stack([lf["q"], lf["type"], lf["tight"]], 1)
    jpt, jeta = q(jf["pt"] * 1000, 1.0), q(jf["eta"], a)
    jetf = np.stack([jpt, jeta, np.clip(q(jf["phi"], a), -np.pi, np.pi), np.maximum(q(jf["E"] * 1000, 1.0), jpt)], 1)
    ppt, peta = q(pf["pt"] * 1000, 1.0), q(pf["eta"], a)
    phof = np.stack([ppt, peta, np.clip(q(pf["phi"], a), -np.pi, np.pi), q(ppt * np.cosh(peta), 1.0)], 1)

    # triggers: single-electron / single-muon / diphoton, with per-object efficiencies
    ev_of_lep = np.repeat(np.arange(n), lep_n)
    def any_obj(mask, eff):
        hit = np.zeros(n, bool)
        np.logical_or.at(hit, ev_of_lep, mask & (rng.uniform(size=mask.shape) < eff))
        return hit
    trigE = any_obj((lf["type"] == 11) & (lf["pt"] > 25), 0.95)
    trigM = any_obj((lf["type"] == 13) & (lf["pt"] > 25), 0.90)
    trigP = (ph_n >= 2) & (rng.uniform(size=n) < 0.98)
    trig = np.stack([trigE, trigM, trigP], 1).astype(np.int32)

    met_et = np.hypot(block.met_x, block.met_y) * 1000
    met_phi = np.arctan2(block.met_y, block.met_x)
    flt = np.zeros((n, 12), np.float64)
    flt[:, 6], flt[:, 7] = q(met_et, 1.0), q(met_phi, a)
    if is_mc:
        has_e = np.zeros(n, bool); np.logical_or.at(has_e, ev_of_lep, lf["type"] == 11)
        has_m = np.zeros(n, bool); np.logical_or.at(has_m, ev_of_lep, lf["type"] == 13)
        mcw = rng.normal(1.0, 0.05, n).astype(np.float32)
        flt[:, 0] = mcw
        flt[:, 1] = np.clip(rng.normal(1.0, 0.08, n), 0.6, 1.4).astype(np.float32)
        flt[:, 2] = np.where(has_e, rng.normal(0.985, 0.012, n), 1.0).astype(np.float32)
        flt[:, 3] = np.where(has_m, rng.normal(0.990, 0.008, n), 1.0).astype(np.float32)
        flt[:, 4] = np.where(ph_n > 0, rng.normal(0.995, 0.01, n), 1.0).astype(np.float32)
        flt[:, 5] = np.where(lep_n > 0, rng.normal(0.99, 0.01, n), 1.0).astype(np.float32)
        sumw = np.float32(flt[:, 0].astype(np.float64).sum())
        prod = (flt[:, 0].astype(np.float32) * flt[:, 2].astype(np.float32) * flt[:, 3].astype(np.float32)).astype(np.float64).sum()
        flt[:, 8] = np.float32(xsec_target * float(sumw) / (LUMI * prod))   # fb, effective
        flt[:, 9] = sumw
        runs = np.full(n, 284500)
    else:
        flt[:, [0, 1, 2, 3, 4, 5, 8, 9]] = 1.0
        runs = run_numbers
    ints = np.stack([runs, np.arange(1, n + 1) * 7 + 1000, np.full(n, channel)], 1).astype(np.int32)

    # one trailing dummy element keeps every buffer non-empty (cppyy cannot pass a zero-length array)
    C = lambda x, t: np.ascontiguousarray(np.concatenate([np.ravel(x), np.zeros(1)]), dtype=t)
    ROOT.openkey_write_mini(path, title, n, C(ints, np.int32), C(flt, np.float32), C(trig, np.int32),
                            C(lep_n, np.int32), C(lepf, np.float32), C(lepi, np.int32),
                            C(jet_n, np.int32), C(jetf, np.float32),
                            C(ph_n, np.int32), C(phof, np.float32), C(pf["tight"], np.int32))
    return n


def data_runs(rng, n):
    """2016-like run numbers, increasing through the file like real data-taking."""
    runs = np.array([297730, 298595, 299584, 300279, 300800, 302347, 303338, 304178, 305380, 307126, 309440, 311481])
    return np.sort(rng.choice(runs, n))


# ----------------------------------------------------------------------------------------------------------

def one_lepton_jobs(out):
    """The 1-lepton samples (W -> l nu). They have their own Poisson generator and seeds, and are written after
    the other files, so adding them changed none of the 2-lepton, 4-lepton and diphoton events."""
    yields = {"W": 14000, "ttbar1l": 1000, "multijet": 4000}
    mc_events = {"W": 6000, "ttbar1l": 2000}
    makers = {"W": make_w_lnu, "ttbar1l": make_ttbar_1l, "multijet": make_multijet}
    seeds = {k: 3000 + i for i, k in enumerate(makers)}
    pois = np.random.default_rng(20250301)
    ndata = {k: int(pois.poisson(v)) for k, v in yields.items()}

    def data_file(name, seed):
        rng = np.random.default_rng(seed)
        blocks = [accept_loop(np.random.default_rng(seeds[p]), ndata[p], makers[p]) for p in makers]
        b = merge(blocks, shuffle=rng)
        return write(os.path.join(out, name), b, channel=0, is_mc=False, rng=rng,
                     run_numbers=data_runs(rng, b.n), title="synthetic data")

    def mc_file(name, proc, channel, seed):
        rng = np.random.default_rng(seed)
        b = accept_loop(np.random.default_rng(seeds[proc] + 500), mc_events[proc], makers[proc])
        return write(os.path.join(out, name), b, channel=channel, is_mc=True, rng=rng,
                     xsec_target=yields[proc], title=f"synthetic MC {proc}")

    return [
        ("1lep_data.root", lambda: data_file("1lep_data.root", 31)),
        ("1lep_Wjets.root", lambda: mc_file("1lep_Wjets.root", "W", 361100, 32)),
        ("1lep_ttbar.root", lambda: mc_file("1lep_ttbar.root", "ttbar1l", 410000, 33)),
    ]


GROUPS = ("2lep", "4lep", "GamGam", "1lep")
SIZE_LIMIT = 14.5e6   # bytes, all *.root files of the output folder together


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    args = sys.argv[1:]
    only = set()
    while "--only" in args:
        k = args.index("--only")
        if k + 1 >= len(args) or args[k + 1].startswith("-"):
            print(f"usage: generate-sample-data.py [OUTPUT_DIR] [--only {'|'.join(GROUPS)}|FILE]...", file=sys.stderr)
            return 2
        only.add(args[k + 1].removesuffix(".root"))
        del args[k:k + 2]
    out = args[0] if args else os.path.join(root, "Exercises", "data")
    os.makedirs(out, exist_ok=True)
    # Expected yields at 10 fb^-1 (synthetic); data are Poisson fluctuations of them.
    yields = {"Z": 36200, "ttbar": 2300, "diboson": 900, "fake2l": 600,
              "ZZ": 1200, "Hzz": 70, "fake4l": 60, "yy": 25000, "Hyy": 550}
    mc_events = {"Z": 16000, "ttbar": 5000, "diboson": 3000, "ZZ": 5000, "Hzz": 2500, "Hyy": 4000, "yy": 6000}
    makers = {"Z": make_z, "ttbar": make_ttbar, "diboson": make_diboson, "fake2l": make_fake,
              "ZZ": make_zz4l, "Hzz": make_hzz, "fake4l": make_z_fakes4l, "yy": make_yy_background, "Hyy": make_hyy}
    seeds = {k: 1000 + i for i, k in enumerate(makers)}

    pois = np.random.default_rng(20240601)
    ndata = {k: int(pois.poisson(v)) for k, v in yields.items()}

    def data_file(name, procs, seed):
        rng = np.random.default_rng(seed)
        blocks = [accept_loop(np.random.default_rng(seeds[p]), ndata[p], makers[p]) for p in procs]
        b = merge(blocks, shuffle=rng)
        return write(os.path.join(out, name), b, channel=0, is_mc=False, rng=rng,
                     run_numbers=data_runs(rng, b.n), title="synthetic data")

    def mc_file(name, proc, channel, seed):
        rng = np.random.default_rng(seed)
        b = accept_loop(np.random.default_rng(seeds[proc] + 500), mc_events[proc], makers[proc])
        return write(os.path.join(out, name), b, channel=channel, is_mc=True, rng=rng,
                     xsec_target=yields[proc], title=f"synthetic MC {proc}")

    jobs = [
        ("2lep_data.root", lambda: data_file("2lep_data.root", ["Z", "ttbar", "diboson", "fake2l"], 1)),
        ("2lep_Zjets.root", lambda: mc_file("2lep_Zjets.root", "Z", 361106, 2)),
        ("2lep_ttbar.root", lambda: mc_file("2lep_ttbar.root", "ttbar", 410000, 3)),
        ("2lep_diboson.root", lambda: mc_file("2lep_diboson.root", "diboson", 363492, 4)),
        ("4lep_data.root", lambda: data_file("4lep_data.root", ["ZZ", "Hzz", "fake4l"], 5)),
        ("4lep_ZZ.root", lambda: mc_file("4lep_ZZ.root", "ZZ", 363490, 6)),
        ("4lep_Hzz.root", lambda: mc_file("4lep_Hzz.root", "Hzz", 345060, 7)),
        ("GamGam_data.root", lambda: data_file("GamGam_data.root", ["yy", "Hyy"], 8)),
        ("GamGam_Hyy.root", lambda: mc_file("GamGam_Hyy.root", "Hyy", 343981, 9)),
        # Added later: the diphoton continuum MC, the same model as the background of GamGam_data.root. Its own
        # generators (events from seed 1507 = seeds["yy"] + 500, weights and triggers from seed 10), used by no
        # other file, so adding it changed no existing event. Weights add up to the expected 25,000 events.
        ("GamGam_yy.root", lambda: mc_file("GamGam_yy.root", "yy", 364352, 10)),
    ] + one_lepton_jobs(out)
    names = {name[:-len(".root")] for name, _ in jobs}
    unknown = only - set(GROUPS) - names
    if unknown:
        print(f"unknown --only value(s): {', '.join(sorted(unknown))}; use one of {'|'.join(GROUPS)} "
              f"or a file name without .root", file=sys.stderr)
        return 2
    if only:
        jobs = [(name, job) for name, job in jobs
                if name.split("_")[0] in only or name[:-len(".root")] in only]
    print(f"{'file':<22}{'events':>9}{'size':>12}")
    for name, job in jobs:
        n = job()
        print(f"{name:<22}{n:>9}{os.path.getsize(os.path.join(out, name)) / 1e6:>10.2f} MB")
    total = sum(os.path.getsize(os.path.join(out, f)) for f in os.listdir(out) if f.endswith(".root"))
    print(f"{'total in ' + os.path.basename(os.path.normpath(out)):<22}{'':>9}{total / 1e6:>10.2f} MB")
    if total > SIZE_LIMIT:
        print(f"warning: the .root files in {out} exceed {SIZE_LIMIT / 1e6:g} MB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
