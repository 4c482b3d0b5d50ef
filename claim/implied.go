package claim

import "github.com/chiso-vn/chiso/figure"

// impliedBase is the check "implied-plan": a count and the percent of a
// plan (or of a population) printed with it imply the plan (or the
// population), once per key; when the plan is printed in the sentence
// ("kế hoạch giao 700 tài khoản"), the plan implied must hold it.

// baseWords names a claim's base in each language.
func baseWords(p *parsed) both {
	switch {
	case p.BaseName != "":
		return both{Vi: p.BaseName, En: "«" + p.BaseName + "»"}
	case p.Of == OfPlan:
		return both{Vi: "kế hoạch", En: "the plan"}
	}
	return both{Vi: "cơ sở", En: "the base"}
}

func impliedBase(p *parsed) Finding {
	base := baseWords(p)
	kind := ImpliedPlan
	if p.Of == OfPopulation {
		kind = ImpliedBase
	}
	if p.PlanCount != "" {
		// The plan is printed: the one implied must hold it.
		if plan, err := figure.Parse(p.PlanCount); err == nil && plan.Kind == figure.Count {
			return newFinding(kind, p.base.Meets(plan.Range), p.base, []string{p.Fragment}, []string{p.count.Text, p.pct.Text, plan.Text},
				"%s là %s %s nên %s nằm trong %s; bài in %s %s", "%s being %s of %s implies %s in %s; printed %s %s",
				p.count.Text, p.pct.Text, base, base, span{p.base, 0}, base, plan.Text).at(p)
		}
	}
	return newFinding(kind, !p.base.IsEmpty(), p.base, []string{p.Fragment}, []string{p.count.Text, pctText(p)},
		"%s là %s %s nên %s nằm trong %s", "%s being %s of %s implies %s in %s",
		p.count.Text, p.pct.Text, base, base, span{p.base, 0}).at(p)
}
