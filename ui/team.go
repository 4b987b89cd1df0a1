package ui

import (
	"fyne.io/fyne/v2/dialog"

	"recoverydesk/casefile"
)

// role is what the signed-in person may do. A counter's own database has no people: whoever
// runs the app may do everything.
func (a *App) role() casefile.Role {
	if a.opts.Identity == nil {
		return casefile.RoleOwner
	}
	return a.opts.Identity.Role
}

// roleName is a role as the window names it.
func roleName(r casefile.Role) string {
	switch r {
	case casefile.RoleTechnician:
		return T("technician")
	case casefile.RoleManager:
		return T("manager")
	case casefile.RoleAdmin:
		return T("administrator")
	}
	return T("set-up account")
}

// whoLine tells who is signed in on a shared database, at which branch, and what their role
// leaves to others; empty on a counter's own database.
func (a *App) whoLine() string {
	id := a.opts.Identity
	if id == nil {
		return ""
	}
	name := id.Name
	if name == "" {
		name = id.Login
	}
	args := map[string]any{"Name": name, "Login": id.Login, "Role": roleName(id.Role), "Branch": id.Branch}
	line := Tf("Signed in as {{.Name}} ({{.Login}}), {{.Role}}", args)
	if id.Branch != "" {
		line += " · " + Tf("branch {{.Branch}}", args)
	}
	if !id.Role.Reviews() {
		line += " · " + T("the overview, reports and settings are a manager's")
	}
	return line
}

// mayReview lets a manager (or anyone on a counter's own database) through to the manager's
// screens, and tells anyone else who may open them. The database refuses the same things
// whatever the window does; this only saves the person a refusal.
func (a *App) mayReview(what string) bool {
	if a.role().Reviews() {
		return true
	}
	dialog.ShowInformation(what, T("Only a manager of the service center can open this. Ask your manager, or the administrator to give your login the manager's role."), a.main)
	return false
}
