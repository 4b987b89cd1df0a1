package casefile

// Route is the recovery route recommended at intake.
type Route string

// The routes of DOMAIN.md that the product supports.
const (
	// RouteSelfService: the customer resets the password on the manufacturer's page at the counter.
	RouteSelfService Route = "self_service"
	// RouteSellerFirst: a second-hand phone; ask the seller to unlink the account, else the dossier.
	RouteSellerFirst Route = "seller_then_dossier"
	// RouteDossier: a request to manufacturer support with proof of ownership.
	RouteDossier Route = "support_dossier"
)

// PasswordResetURL is the manufacturer's self-service password-reset page.
const PasswordResetURL = "https://account.xiaomi.com/pass/forgetPassword"

// RecommendRoute picks the route from the intake answers. A customer who knows the login and
// still controls the linked phone or e-mail can reset the password in minutes; everything else
// goes to support, and a second-hand buyer tries the seller first because that is faster.
func RecommendRoute(c *Case) Route {
	switch {
	case c.Account.KnowsLogin && c.Account.ControlsLinkedContact:
		return RouteSelfService
	case c.Purchase.Channel == ChannelSecondHand:
		return RouteSellerFirst
	default:
		return RouteDossier
	}
}

// SelfServiceSteps are the reset steps read out at the counter, from the article the product grew from.
var SelfServiceSteps = []string{
	"Open the password-reset page in a browser.",
	"Enter the account's phone number or e-mail and press \"Next\".",
	"Type the characters from the picture (captcha).",
	"Press \"Send\" to get the verification code by SMS or e-mail.",
	"Enter the verification code.",
	"Type the new password twice and confirm.",
	"Ask the customer to write the new password down and keep it safe.",
}
